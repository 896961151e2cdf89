using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Workflow;

/// <summary>
/// Links that open an item with a move ready (<c>/inovasi/{id}?aksi=setujui</c>): from an alert e-mail, the bell and
/// the waiting list straight to the action. A link only names the move; the detail page checks it against the
/// workflow's rules when it is opened, so an old link never does more than the person may do then.
/// </summary>
public sealed class MoveLinks(IDbContextFactory<PortalDbContext> dbFactory, SopCatalog sops, OfficeTime office, TimeProvider clock)
{
    public const string QueryName = "aksi";

    // Cancelling is never readied by a link: it needs a deliberate choice on the item itself.
    private static readonly IReadOnlyDictionary<WorkflowActionKind, string> Slugs = new Dictionary<WorkflowActionKind, string>
    {
        [WorkflowActionKind.Advance] = "lanjutkan",
        [WorkflowActionKind.Approve] = "setujui",
        [WorkflowActionKind.ReturnForRevision] = "kembalikan",
    };

    public static string? SlugOf(WorkflowActionKind kind) => Slugs.GetValueOrDefault(kind);

    /// <summary>The move a link names, among those the person may make now; null when it is not one of them.</summary>
    public static AvailableMove? Find(IEnumerable<AvailableMove> moves, string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? null : moves.FirstOrDefault(m => SlugOf(m.Kind) == slug.Trim().ToLowerInvariant());

    /// <summary>The move a link readies for this person: the step's way forward, when the step is theirs to do now.</summary>
    public static AvailableMove? Ready(SopDocument sop, InnovationState state, WorkflowActor actor) =>
        SopWorkflow.AvailableMoves(sop, state, actor).FirstOrDefault(m => m.Kind is WorkflowActionKind.Advance or WorkflowActionKind.Approve);

    public static string Href(int innovationId, AvailableMove? move = null) =>
        move is not null && SlugOf(move.Kind) is { } slug ? $"/inovasi/{innovationId}?{QueryName}={slug}" : $"/inovasi/{innovationId}";

    /// <summary>The item's address for this person, with their move ready when there is one: read from the database now.</summary>
    public async Task<(string Href, AvailableMove? Move)> ForAsync(int innovationId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.Innovations.AsNoTracking().Where(i => i.Id == innovationId)
            .Select(i => new { i.SopDefinitionId, State = new InnovationState(i.CurrentStep, i.Status, i.BidangId) })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null) return (Href(innovationId), null);
        var actor = await ActorDirectory.ResolveAsync(db, userId, office.Today(clock), cancellationToken);
        if (actor is null) return (Href(innovationId), null);
        var move = Ready(await sops.GetAsync(item.SopDefinitionId, cancellationToken), item.State, actor);
        return (Href(innovationId, move), move);
    }
}
