using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Tests.Domain;

public sealed class SopTermsTests
{
    [Theory]
    [InlineData(AuditActions.InnovationCreated, "pelaksanaan", "Pelaksanaan dibuat")]
    [InlineData(AuditActions.InnovationCancelled, "pelaksanaan", "Pelaksanaan dibatalkan")]
    [InlineData(AuditActions.InnovationCreated, SopDocument.InnovationNoun, "Inovasi dibuat")]
    [InlineData(AuditActions.StepAdvanced, "pelaksanaan", "Langkah dilanjutkan")]
    [InlineData(AuditActions.OutputUploaded, "pelaksanaan", AuditActions.OutputUploaded)]
    public void A_history_entry_names_the_item_by_its_SOPs_noun(string stored, string noun, string shown) =>
        Assert.Equal(shown, SopTerms.HistoryAction(stored, noun));
}
