using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Board;

/// <summary>
/// Everything the boards and TV screens show, at one moment: immutable, shared by every open board (each circuit
/// holds a reference, not a copy) and replaced as a whole when something changes.
/// </summary>
public sealed class BoardSnapshot
{
    public BoardSnapshot(int sopId, IReadOnlyList<InnovationSummary> items, IReadOnlyDictionary<int, SopDocument> sops, int currentSopId,
        long sequence = 0)
    {
        SopId = sopId;
        Sequence = sequence;
        Items = items;
        Sops = sops;
        CurrentSopId = currentSopId;
        Proposers = items.Select(i => (i.ProposerId, i.Proposer)).Distinct().OrderBy(p => p.Proposer).ToList();
    }

    /// <summary>The SOP whose board this is (its items run any of its versions).</summary>
    public int SopId { get; }

    /// <summary>Counts up with every snapshot made: a later snapshot has a larger number.</summary>
    public long Sequence { get; }

    /// <summary>
    /// Whether this snapshot should replace <paramref name="shown"/>. Updates reach each open board on their own task, so
    /// two made close together may arrive in either order: an older one must not take back a move the board already shows.
    /// </summary>
    public bool Replaces(BoardSnapshot? shown) => shown is null || shown.SopId != SopId || Sequence > shown.Sequence;

    /// <summary>Running innovations and those finished in the board's window, most urgent first within a step.</summary>
    public IReadOnlyList<InnovationSummary> Items { get; }

    /// <summary>Every SOP version an item runs under.</summary>
    public IReadOnlyDictionary<int, SopDocument> Sops { get; }

    /// <summary>The SOP's newest version: its steps are the board's columns.</summary>
    public int CurrentSopId { get; }

    public SopDocument CurrentSop => Sops[CurrentSopId];

    /// <summary>The proposers of the items, for the board's filter.</summary>
    public IReadOnlyList<(string Id, string Name)> Proposers { get; }

    public SopDocument SopOf(InnovationSummary item) => Sops[item.SopDefinitionId];

    public InnovationSummary? Find(int innovationId) => Items.FirstOrDefault(i => i.Id == innovationId);

    public static IReadOnlyList<InnovationSummary> InBoardOrder(IEnumerable<InnovationSummary> items) =>
        items.OrderBy(s => s.Status).ThenBy(s => s.CurrentStep).ThenBy(s => s.DueAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.Id).ToList();
}

/// <summary>A new snapshot, and the change that made it (none when the minute's re-judging of lateness did).</summary>
public sealed record BoardUpdate(BoardSnapshot Snapshot, InnovationChanged? Change);
