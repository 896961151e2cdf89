using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Tests.Features.Workflow;

/// <summary>A link names a move by a word in the address; only a move the person may make now is found by it.</summary>
public sealed class MoveLinksTests
{
    private static readonly AvailableMove Sesuai = new(WorkflowActionKind.Advance, 5, "Sesuai — lanjutkan ke langkah 5");
    private static readonly AvailableMove Kembalikan = new(WorkflowActionKind.ReturnForRevision, 2, "Tidak sesuai — kembalikan ke langkah 2");
    private static readonly AvailableMove Batalkan = new(WorkflowActionKind.Cancel, null, "Batalkan inovasi");

    [Theory]
    [InlineData("lanjutkan", WorkflowActionKind.Advance)]
    [InlineData("kembalikan", WorkflowActionKind.ReturnForRevision)]
    [InlineData(" Kembalikan ", WorkflowActionKind.ReturnForRevision)]
    public void A_link_word_finds_the_move_it_names_among_those_allowed(string word, WorkflowActionKind kind) =>
        Assert.Equal(kind, MoveLinks.Find([Sesuai, Kembalikan], word)!.Kind);

    [Theory]
    [InlineData("setujui")]
    [InlineData("batalkan")]
    [InlineData("hapus")]
    [InlineData("")]
    [InlineData(null)]
    public void A_word_for_a_move_not_allowed_now_or_unknown_finds_nothing(string? word) =>
        Assert.Null(MoveLinks.Find([Sesuai, Kembalikan, Batalkan], word));

    [Fact]
    public void The_address_carries_the_move_word_and_never_readies_a_cancellation()
    {
        Assert.Equal("/inovasi/12?aksi=lanjutkan", MoveLinks.Href(12, Sesuai));
        Assert.Equal("/inovasi/12?aksi=setujui", MoveLinks.Href(12, new AvailableMove(WorkflowActionKind.Approve, 6, "Setujui")));
        Assert.Equal("/inovasi/12", MoveLinks.Href(12, Batalkan));
        Assert.Equal("/inovasi/12", MoveLinks.Href(12));
    }
}
