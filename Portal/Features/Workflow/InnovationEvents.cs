using Portal.Domain;

namespace Portal.Features.Workflow;

public sealed record InnovationChanged(
    int InnovationId,
    string Action,
    int? FromStep,
    int? ToStep,
    InnovationStatus Status,
    string ActorName,
    DateTimeOffset At)
{
    /// <summary>The innovation left its step (moved on, returned, finished or cancelled): not created, not edited in place.</summary>
    public bool LeftStep => FromStep is not null && FromStep != ToStep;
}

/// <summary>The workflow service publishes after each commit; every open board, list and detail page subscribes.</summary>
public sealed class InnovationEvents(ILogger<InnovationEvents> logger) : EventHub<InnovationChanged>(logger);
