using Portal.Domain;

namespace Portal.Features.Outputs;

/// <summary>Who may read an innovation's documents: its own bidang's people, the Kepala Dinas and administrators.</summary>
public static class InnovationAccess
{
    public static bool CanSeeDocuments(WorkflowActor actor, int bidangId) =>
        actor.IsAdministrator || actor.Capacities.Any(c => c.Role == SopRole.KepalaDinas || c.BidangId == bidangId);
}
