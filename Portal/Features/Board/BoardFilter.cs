using Portal.Domain;
using Portal.Features.Innovations;

namespace Portal.Features.Board;

public enum BoardStatusFilter { Semua, Terlambat, Segera, TepatWaktu, Dikembalikan }

/// <summary>The board's filters, as they live in the URL so a link or bookmark reopens the same view.</summary>
public sealed record BoardFilter(int? BidangId, string? ProposerId, BoardStatusFilter Status, string? Search, bool Mine, bool WaitingForMe)
{
    public static readonly BoardFilter None = new(null, null, BoardStatusFilter.Semua, null, false, false);

    public bool IsActive => this != None;

    public bool Matches(InnovationSummary item, string userId, Func<InnovationSummary, bool> isWaitingFor) =>
        (BidangId is null || item.BidangId == BidangId)
        && (ProposerId is null || item.ProposerId == ProposerId)
        && (string.IsNullOrWhiteSpace(Search) || item.Title.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase))
        && (!Mine || item.ProposerId == userId)
        && (!WaitingForMe || isWaitingFor(item))
        && Status switch
        {
            BoardStatusFilter.Terlambat => item.Sla.Level == SlaLevel.Late,
            BoardStatusFilter.Segera => item.Sla.Level == SlaLevel.DueSoon,
            BoardStatusFilter.TepatWaktu => item.Status == InnovationStatus.Berjalan && item.Sla.Level is SlaLevel.OnTime or SlaLevel.NoDeadline,
            BoardStatusFilter.Dikembalikan => item.ReturnCount > 0,
            _ => true,
        };

    /// <summary>The query string for this filter (only the parts that are set).</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["bidang"] = BidangId,
        ["pengusul"] = ProposerId,
        ["status"] = Status == BoardStatusFilter.Semua ? null : Status.ToString().ToLowerInvariant(),
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["milik"] = Mine ? "1" : null,
        ["menunggu"] = WaitingForMe ? "1" : null,
    };

    public static BoardFilter FromQuery(int? bidang, string? pengusul, string? status, string? q, string? milik, string? menunggu) => new(
        bidang,
        string.IsNullOrWhiteSpace(pengusul) ? null : pengusul,
        Enum.TryParse<BoardStatusFilter>(status, ignoreCase: true, out var parsed) ? parsed : BoardStatusFilter.Semua,
        string.IsNullOrWhiteSpace(q) ? null : q,
        milik == "1",
        menunggu == "1");

    public static string Label(BoardStatusFilter status) => status switch
    {
        BoardStatusFilter.Terlambat => "Terlambat",
        BoardStatusFilter.Segera => "Segera jatuh tempo",
        BoardStatusFilter.TepatWaktu => "Tepat waktu",
        BoardStatusFilter.Dikembalikan => "Pernah dikembalikan",
        _ => "Semua status",
    };
}
