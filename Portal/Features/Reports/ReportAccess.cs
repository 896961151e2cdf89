using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Reports;

public enum RefusalKind { NotFound, Forbidden, NotAvailable, Invalid }

public sealed record ReportRefusal(RefusalKind Kind, string Message);

/// <summary>Who may open the leadership views (period report, recap, dashboard).</summary>
public static class ReportAccess
{
    public const string LeadershipRoles = $"{PortalRoles.KepalaBidang},{PortalRoles.KepalaDinas},{PortalRoles.Administrator}";

    public const string LeadershipOnly = "Laporan periode, rekap dan dasbor hanya untuk Kepala Bidang, Kepala Dinas dan Administrator.";

    /// <summary>Decided from the database's view of the person, so an acting (Plt./Plh.) Kepala Bidang counts too.</summary>
    public static bool IsLeadership(WorkflowActor? actor) =>
        actor is not null && (actor.IsAdministrator || actor.Capacities.Any(c => c.Role is SopRole.KepalaBidang or SopRole.KepalaDinas));

    /// <summary>A Kepala Bidang starts on their own bidang; the Kepala Dinas and administrators on all of them.</summary>
    public static int? DefaultBidang(WorkflowActor actor) =>
        actor.IsAdministrator || actor.Capacities.Any(c => c.Role == SopRole.KepalaDinas)
            ? null
            : actor.Capacities.FirstOrDefault(c => c.Role == SopRole.KepalaBidang)?.BidangId;
}
