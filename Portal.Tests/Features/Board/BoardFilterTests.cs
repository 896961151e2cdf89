using Portal.Domain;
using Portal.Features.Board;
using static Portal.Tests.Features.Board.BoardTestData;

namespace Portal.Tests.Features.Board;

public sealed class BoardFilterTests
{
    private static readonly IReadOnlyList<Portal.Features.Innovations.InnovationSummary> Items =
    [
        Item(1, 1, sla: new SlaStatus(SlaLevel.Late, 0, 2)),
        Item(2, 2, sla: new SlaStatus(SlaLevel.DueSoon, 1, 0), returns: 1),
        Item(3, 3, bidangId: Dafduk, proposerId: "fungsional-dafduk"),
        Item(4, 10, status: InnovationStatus.Selesai, sla: new SlaStatus(SlaLevel.NoDeadline, 0, 0)),
    ];

    private static int[] Visible(BoardFilter filter, Func<Portal.Features.Innovations.InnovationSummary, bool>? waiting = null) =>
        Items.Where(i => filter.Matches(i, "fungsional-pdip", waiting ?? (_ => false))).Select(i => i.Id).ToArray();

    [Fact]
    public void Each_filter_keeps_only_the_matching_cards()
    {
        Assert.Equal([1, 2, 3, 4], Visible(BoardFilter.None));
        Assert.Equal([3], Visible(BoardFilter.None with { BidangId = Dafduk }));
        Assert.Equal([3], Visible(BoardFilter.None with { ProposerId = "fungsional-dafduk" }));
        Assert.Equal([1], Visible(BoardFilter.None with { Status = BoardStatusFilter.Terlambat }));
        Assert.Equal([2], Visible(BoardFilter.None with { Status = BoardStatusFilter.Segera }));
        Assert.Equal([3], Visible(BoardFilter.None with { Status = BoardStatusFilter.TepatWaktu }));
        Assert.Equal([2], Visible(BoardFilter.None with { Status = BoardStatusFilter.Dikembalikan }));
        Assert.Equal([2], Visible(BoardFilter.None with { Search = " inovasi 2" }));
        Assert.Equal([1, 2, 4], Visible(BoardFilter.None with { Mine = true }));
        Assert.Equal([1], Visible(BoardFilter.None with { WaitingForMe = true }, i => i.CurrentStep == 1));
    }

    [Fact]
    public void A_filter_survives_the_round_trip_through_the_URL()
    {
        var filter = new BoardFilter(Dafduk, "abc", BoardStatusFilter.Dikembalikan, "akta", true, true);
        var query = filter.ToQuery();

        var back = BoardFilter.FromQuery((int?)query["bidang"], (string?)query["pengusul"], (string?)query["status"],
            (string?)query["q"], (string?)query["milik"], (string?)query["menunggu"]);

        Assert.Equal(filter, back);
        Assert.False(BoardFilter.FromQuery(null, null, null, null, null, null).IsActive);
        Assert.Equal(BoardStatusFilter.Semua, BoardFilter.FromQuery(null, null, "tidak-dikenal", null, null, null).Status);
    }
}
