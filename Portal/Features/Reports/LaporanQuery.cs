using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Reports;

public sealed record LaporanOutcome(LaporanData? Data, ReportRefusal? Refusal);

/// <summary>
/// Builds the Laporan Inovasi Pelayanan of one innovation from the database: the SOP header of its version, its
/// record, the newest run of every step judged by <see cref="SlaRules"/>, its returns, outputs and final approval.
/// </summary>
public sealed class LaporanQuery(IDbContextFactory<PortalDbContext> dbFactory, SopCatalog sops, CalendarProvider calendars,
    OfficeProfileStore officeProfile, TimeProvider clock)
{
    public async Task<LaporanOutcome> LoadAsync(int innovationId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await officeProfile.GetAsync(cancellationToken);
        var (innovation, refusal) = await ReportItems.LoadVisibleAsync(db, innovationId, userId, office.Zone.LocalDate(now), "Inovasi tidak ditemukan.",
            "Anda tidak berhak melihat Laporan Inovasi Pelayanan ini: hanya bidang pengusul, Kepala Dinas dan Administrator.", cancellationToken);
        if (innovation is null) return new LaporanOutcome(null, refusal);

        var recordKind = await db.SopDefinitions.Where(d => d.Id == innovation.SopDefinitionId).Select(d => d.Sop!.RecordKind).FirstAsync(cancellationToken);
        if (recordKind != SopRecordKind.InovasiPelayanan)
            return Refused(RefusalKind.NotAvailable, "Laporan Inovasi Pelayanan hanya dibuat untuk inovasi; pelaksanaan SOP lain dicatat dalam laporan pelaksanaannya.");

        var sop = await sops.GetAsync(innovation.SopDefinitionId, cancellationToken);
        if (LaporanAvailability.Refusal(sop, innovation.Status, innovation.CurrentStep) is { } notYet)
            return Refused(RefusalKind.NotAvailable, notYet);

        var calendar = await calendars.GetAsync(cancellationToken);
        var runs = innovation.StepRuns.OrderBy(r => r.Id).ToList();
        var finished = innovation.Status == InnovationStatus.Selesai;

        var steps = sop.Steps.Select(step =>
        {
            var run = runs.LastOrDefault(r => r.StepNumber == step.Number);
            if (run is null)
                return new LaporanStepRow(step.Number, step.ShortName, sop.PelaksanaOf(step).Name, step.Duration.Label(), null, null, null, ReportWording.NotStarted);
            var sla = calendar.Evaluate(run.DueAt, step.Duration, run.FinishedAt ?? now, calendars.DueSoonWorkingDays);
            return new LaporanStepRow(step.Number, step.ShortName, sop.PelaksanaOf(step).Name, step.Duration.Label(), run.StartedAt, run.FinishedAt,
                calendar.TimeBetween(step.Duration, run.StartedAt, run.FinishedAt ?? now), ReportWording.StepStatus(sla, run.FinishedAt is not null));
        }).ToList();

        var returns = ReportItems.Returns(runs);

        var outputs = await db.Attachments.AsNoTracking()
            .Where(a => a.InnovationId == innovationId && a.SupersededAt == null)
            .OrderBy(a => a.StepNumber).ThenBy(a => a.UploadedAt)
            .Select(a => new LaporanOutput(a.StepNumber, a.FileName, a.UploadedByName, a.UploadedAt))
            .ToListAsync(cancellationToken);

        LaporanApproval? approval = null;
        var approvingRun = finished ? runs.LastOrDefault(r => r.StepNumber == sop.Steps[^1].Number && r.Outcome == StepOutcome.Disetujui) : null;
        if (approvingRun is { FinishedAt: { } approvedAt })
        {
            var nip = await db.Users.Where(u => u.Id == approvingRun.FinishedById).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
            // A Plt. of a vacant head's position signs under "Plt. Kepala ..." with their own name; a Plh. signs "atas nama" as before.
            approval = ReportWording.VacancyTitle(approvingRun) is { } actingTitle
                ? new LaporanApproval(approvingRun.FinishedByName ?? "—", nip, approvedAt, actingTitle)
                : new LaporanApproval(ReportWording.Actor(approvingRun), nip, approvedAt);
        }

        var stage = finished ? InnovationStage.Penerapan : sop.Step(innovation.CurrentStep).Stage;
        var identity = new LaporanIdentity(
            innovation.Title, innovation.Summary, innovation.Background, innovation.Goal, innovation.Benefit,
            innovation.Bidang!.Name, innovation.Proposer!.FullName, innovation.Proposer.UserName,
            innovation.Type.Name(), innovation.Affair.Name(),
            stage.Name(), innovation.Budget, innovation.StartDate);

        return new LaporanOutcome(
            new LaporanData(ReportOffice.From(office), ReportWording.SopInfo(sop), identity, steps, returns, outputs, approval, LaporanAvailability.IsDraft(innovation.Status), now),
            null);
    }

    private static LaporanOutcome Refused(RefusalKind kind, string message) => new(null, new ReportRefusal(kind, message));
}
