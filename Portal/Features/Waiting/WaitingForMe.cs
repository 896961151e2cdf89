using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Waiting;

/// <summary>An item waiting for a person: the SOP it runs and the step they may act on now.</summary>
public sealed record WaitingItem(InnovationSummary Item, SopSummary Sop, SopStepDefinition Step);

/// <summary>What waits for a person across the SOPs, decided by the workflow's own rules (the moves they may make now).</summary>
public static class WaitingForMe
{
    /// <summary>Whether the person may move the item on (or return it) now; cancelling, which administrators may always do, does not count.</summary>
    public static bool IsWaitingFor(WorkflowActor actor, SopDocument sop, InnovationSummary item) =>
        item.Status == InnovationStatus.Berjalan
        && SopWorkflow.AvailableMoves(sop, item.State, actor).Any(m => m.Kind != WorkflowActionKind.Cancel);

    /// <summary>Every waiting item of the given boards, most urgent first: the earliest due (so the latest overdue), then those without a deadline, oldest first.</summary>
    public static IReadOnlyList<WaitingItem> Of(WorkflowActor actor, IEnumerable<(SopSummary Sop, BoardSnapshot Board)> boards) =>
        boards
            .SelectMany(b => b.Board.Items
                .Where(item => IsWaitingFor(actor, b.Board.SopOf(item), item))
                .Select(item => new WaitingItem(item, b.Sop, b.Board.SopOf(item).Step(item.CurrentStep))))
            .OrderBy(w => w.Item.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(w => w.Item.StepStartedAt)
            .ThenBy(w => w.Item.Id)
            .ToList();
}
