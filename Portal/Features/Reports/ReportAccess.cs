using Portal.Domain;

namespace Portal.Features.Reports;

public enum RefusalKind { NotFound, Forbidden, NotAvailable, Invalid }

public sealed record ReportRefusal(RefusalKind Kind, string Message);

/// <summary>Who may open the leadership views (period report, recap, dashboard).</summary>
public static class ReportAccess
{
    public const string LeadershipOnly = "Laporan periode, rekap dan dasbor hanya untuk pimpinan (kepala seksi ke atas) dan Administrator.";

    /// <summary>Decided from the database's view of the person, so an acting (Plt./Plh.) leader counts too.</summary>
    public static bool IsLeadership(WorkflowActor? actor) => OfficeRules.IsLeadership(actor);

    public static int? DefaultBidang(WorkflowActor actor) => OfficeRules.DefaultBidang(actor);
}
