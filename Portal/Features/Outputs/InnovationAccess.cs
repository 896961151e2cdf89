using Portal.Domain;

namespace Portal.Features.Outputs;

/// <summary>Who may read an item's documents: whoever may see the item (see <see cref="OfficeRules.MaySee"/>).</summary>
public static class InnovationAccess
{
    public static bool CanSeeDocuments(WorkflowActor actor, int bidangId) => OfficeRules.MaySee(actor, bidangId);
}
