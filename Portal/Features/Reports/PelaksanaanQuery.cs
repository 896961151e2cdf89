using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Reports;

public sealed record PelaksanaanOutcome(PelaksanaanData? Data, ReportRefusal? Refusal);

/// <summary>
/// Builds the Laporan Pelaksanaan SOP of one item from the database: the office profile for the kop and the zone, the
/// SOP header of the item's version, its own fields in words, and every step run with its pelaksana column, times,
/// working time taken (office time for steps timed in hours or minutes, working days otherwise), outcome and outputs.
/// </summary>
public sealed class PelaksanaanQuery(
    IDbContextFactory<PortalDbContext> dbFactory, SopCatalog sops, CalendarProvider calendars, OfficeProfileStore offices, TimeProvider clock)
{
    public const string InnovationSopRefusal =
        "Item ini mengikuti SOP Inovasi Pelayanan; laporannya adalah Laporan Inovasi Pelayanan.";

    public async Task<PelaksanaanOutcome> LoadAsync(int itemId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (item, refusal) = await ReportItems.LoadVisibleAsync(db, itemId, userId, (await offices.GetAsync(cancellationToken)).Zone.LocalDate(now), "Item tidak ditemukan.",
            "Anda tidak berhak melihat Laporan Pelaksanaan SOP ini: hanya bidang pemilik item, Kepala Dinas dan Administrator.", cancellationToken);
        if (item is null) return new PelaksanaanOutcome(null, refusal);

        if (await ItemFieldLookup.ShownAsync(db, item, cancellationToken) is not { } own) return new PelaksanaanOutcome(null, new ReportRefusal(RefusalKind.NotAvailable, InnovationSopRefusal));

        var sop = await sops.GetAsync(item.SopDefinitionId, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var outputs = (await db.Attachments.AsNoTracking()
                .Where(a => a.InnovationId == item.Id && a.SupersededAt == null)
                .OrderBy(a => a.UploadedAt)
                .Select(a => new { a.StepRunId, a.FileName })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.StepRunId, a => a.FileName);

        var runs = item.StepRuns.OrderBy(r => r.Id).ToList();
        var rows = runs.Select(run =>
        {
            var step = sop.Step(run.StepNumber);
            var end = run.FinishedAt ?? now;
            var taken = calendar.TimeBetween(step.Duration, run.StartedAt, end).Text;
            var outcome = ReportWording.Outcome(run.Outcome, run.Outcome == StepOutcome.TidakSesuai ? step.ReturnToStep : null);
            var hasil = run.FinishedAt is null
                ? outcome
                : $"{outcome}\n{ReportWording.Actor(run)}"
                  + (run.Outcome == StepOutcome.Dibatalkan && run.Note is { } why ? $"\nAlasan: {why}" : "");
            return new PelaksanaanRun(step.Number, StepLabel(step), sop.PelaksanaOf(step).Name, run.StartedAt, run.FinishedAt, taken, hasil,
                outputs[run.Id].ToList());
        }).ToList();

        var returns = ReportItems.Returns(runs);

        var status = item.Status == InnovationStatus.Berjalan
            ? $"{item.Status.Name()}, di langkah {StepLabel(sop.Step(item.CurrentStep))}"
            : item.Status.Name();
        return new PelaksanaanOutcome(new PelaksanaanData(
            ReportOffice.From(await offices.GetAsync(cancellationToken)), ReportWording.SopInfo(sop), sop.Header.Judul,
            item.Title, item.Bidang!.Name, item.Proposer!.FullName, status,
            ItemFieldText.All(own.Fields, own.Values, own.Names).Select(f => (f.Field.Label, f.Text)).ToList(),
            rows, returns, IsDraft: item.Status == InnovationStatus.Berjalan, now), null);
    }

    private static string StepLabel(SopStepDefinition step) => $"{step.Number}. {step.ShortName}";
}
