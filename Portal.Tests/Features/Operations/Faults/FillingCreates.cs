using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>Proposes innovations until the workflow refuses one (the storage is full) or the cap is reached.</summary>
internal static class FillingCreates
{
    public static async Task<(int Created, WorkflowResult? Refused)> UntilRefusedAsync(WorkflowService workflow, string proposerId, int cap)
    {
        var created = 0;
        while (created < cap)
        {
            var result = await workflow.CreateAsync(WorkflowServiceTests.Details($"Inovasi pengisi {created:D4}"), proposerId);
            if (!result.Succeeded) return (created, result);
            created++;
        }
        return (created, null);
    }
}
