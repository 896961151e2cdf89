using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Outputs;
using Portal.Features.Workflow;

namespace Portal.Features.Reports;

/// <summary>What the record reports of one item (Laporan Inovasi Pelayanan, Laporan Pelaksanaan SOP) read the same way.</summary>
internal static class ReportItems
{
    /// <summary>The item with its bidang, proposer and step runs when this person may see its documents; otherwise why not.</summary>
    /// <param name="today">The office's date now, for the person's Plt./Plh. appointments.</param>
    public static async Task<(Innovation? Item, ReportRefusal? Refusal)> LoadVisibleAsync(PortalDbContext db, int itemId, string userId,
        DateOnly today, string notFound, string forbidden, CancellationToken cancellationToken)
    {
        var item = await db.Innovations.AsNoTracking()
            .Include(i => i.Bidang).Include(i => i.Proposer).Include(i => i.StepRuns)
            .FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null) return (null, new ReportRefusal(RefusalKind.NotFound, notFound));

        var actor = await ActorDirectory.ResolveAsync(db, userId, today, cancellationToken);
        return actor is null || !InnovationAccess.CanSeeDocuments(actor, item.BidangId)
            ? (null, new ReportRefusal(RefusalKind.Forbidden, forbidden))
            : (item, null);
    }

    /// <summary>The returns for revision among <paramref name="runs"/>, in the order given.</summary>
    public static IReadOnlyList<LaporanReturn> Returns(IEnumerable<StepRun> runs) => runs
        .Where(r => r.Outcome == StepOutcome.TidakSesuai && r.FinishedAt is not null)
        .Select(r => new LaporanReturn(r.StepNumber, r.FinishedAt!.Value, ReportWording.Actor(r), r.Note ?? ""))
        .ToList();
}
