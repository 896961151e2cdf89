using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Waiting;

/// <summary>An item waiting for a person: the SOP it runs, the step they may act on now and the moves they may make there.</summary>
public sealed record WaitingItem(InnovationSummary Item, SopSummary Sop, SopStepDefinition Step, SopDocument Document, IReadOnlyList<AvailableMove> Moves);

/// <summary>The newest PDF output of a waiting item: what a person who verifies or approves looks at first.</summary>
public sealed record WaitingPreview(Guid Id, string FileName);

/// <summary>What waits for a person across the SOPs, decided by the workflow's own rules (the moves they may make now).</summary>
public static class WaitingForMe
{
    public const string PageHref = "/menunggu";

    /// <summary>The moves that make an item wait for the person: moving it on or returning it; cancelling, which administrators may always do, does not count.</summary>
    public static IReadOnlyList<AvailableMove> MovesOf(WorkflowActor actor, SopDocument sop, InnovationSummary item) =>
        item.Status == InnovationStatus.Berjalan
            ? SopWorkflow.AvailableMoves(sop, item.State, actor).Where(m => m.Kind != WorkflowActionKind.Cancel).ToList()
            : [];

    public static bool IsWaitingFor(WorkflowActor actor, SopDocument sop, InnovationSummary item) => MovesOf(actor, sop, item).Count > 0;

    /// <summary>Every waiting item of the given boards, most urgent first: the earliest due (so the latest overdue), then those without a deadline, oldest first.</summary>
    public static IReadOnlyList<WaitingItem> Of(WorkflowActor actor, IEnumerable<(SopSummary Sop, BoardSnapshot Board)> boards) =>
        boards
            .SelectMany(b => b.Board.Items
                .Select(item => (Item: item, Document: b.Board.SopOf(item)))
                .Select(x => new WaitingItem(x.Item, b.Sop, x.Document.Step(x.Item.CurrentStep), x.Document, MovesOf(actor, x.Document, x.Item)))
                .Where(w => w.Moves.Count > 0))
            .OrderBy(w => w.Item.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(w => w.Item.StepStartedAt)
            .ThenBy(w => w.Item.Id)
            .ToList();

    /// <summary>The newest current PDF output of each item, by item id.</summary>
    public static async Task<IReadOnlyDictionary<int, WaitingPreview>> PreviewsAsync(PortalDbContext db, IReadOnlyCollection<int> innovationIds,
        CancellationToken cancellationToken = default)
    {
        if (innovationIds.Count == 0) return new Dictionary<int, WaitingPreview>();
        var documents = await db.Attachments.AsNoTracking()
            .Where(a => innovationIds.Contains(a.InnovationId) && a.SupersededAt == null && a.ContentType == "application/pdf")
            .Select(a => new { a.InnovationId, a.Id, a.FileName, a.UploadedAt })
            .ToListAsync(cancellationToken);
        return documents
            .GroupBy(a => a.InnovationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.UploadedAt).Select(a => new WaitingPreview(a.Id, a.FileName)).First());
    }
}
