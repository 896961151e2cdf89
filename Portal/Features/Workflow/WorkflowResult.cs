namespace Portal.Features.Workflow;

/// <summary>What the workflow service answers: done (with the innovation's new version) or refused with a reason.</summary>
public sealed record WorkflowResult(bool Succeeded, string Message, int? InnovationId = null, long? Version = null)
{
    public static WorkflowResult Refused(string message) => new(false, message);

    public static WorkflowResult Done(string message, int innovationId, long version) => new(true, message, innovationId, version);
}
