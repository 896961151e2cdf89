using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Reports;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

public sealed class LaporanQueryOnSqliteTests(LaporanQueryOnSqliteTests.App app) : LaporanQueryTests(app), IClassFixture<LaporanQueryOnSqliteTests.App>
{
    public sealed class App() : PortalAppFactory();
}

public sealed class LaporanQueryOnPostgreSqlTests(LaporanQueryOnPostgreSqlTests.App app)
    : LaporanQueryTests(app), IClassFixture<LaporanQueryOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PortalAppFactory(provider: DatabaseProvider.PostgreSql);
}

/// <summary>The Laporan Inovasi Pelayanan's content, built from the demo data the workflow service played through.</summary>
public abstract class LaporanQueryTests(PortalAppFactory app)
{
    public const string FinishedReturnedOnce = "Layanan Pindah Datang Satu Hari";      // Dafduk, Fajar Nugroho
    public const string FinishedStraight = "Kios Cetak Dokumen Mandiri (ADM)";         // PIAK, Yusuf Hakim
    public const string AtReportStep = "Sertifikat Elektronik Pejabat Pencatatan Sipil"; // PIAK, step 9
    public const string AtApprovalStep = "Pelayanan Disabilitas dan Lansia di Rumah";    // PDIP, step 10
    public const string AtEvaluationStep = "Dashboard Data Kependudukan Kecamatan";       // PDIP, step 8

    private LaporanQuery Query => app.Get<LaporanQuery>();

    private async Task<int> IdOfAsync(string title)
    {
        await using var db = app.CreateDbContext();
        return await db.Innovations.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private async Task<LaporanData> LaporanAsync(string title, string nip = DemoPeople.KepalaDinas)
    {
        var outcome = await Query.LoadAsync(await IdOfAsync(title), await app.IdAsync(nip));
        Assert.Null(outcome.Refusal);
        return outcome.Data!;
    }

    [ProviderFact]
    public async Task A_finished_innovation_has_every_step_with_its_newest_run_its_return_outputs_and_the_approval()
    {
        var id = await IdOfAsync(FinishedReturnedOnce);
        var laporan = await LaporanAsync(FinishedReturnedOnce, DemoPeople.FungsionalDafduk);
        await using var db = app.CreateDbContext();
        var runs = await db.StepRuns.AsNoTracking().Where(r => r.InnovationId == id).OrderBy(r => r.Id).ToListAsync();

        Assert.False(laporan.IsDraft);
        Assert.Equal(("12./005/SOP/DKPS/1/2024", 1), (laporan.Sop.NomorSop, laporan.Sop.SopVersion));
        Assert.Equal(("Kerja Sama dan Inovasi Pelayanan", "8 Januari 2024"), (laporan.Sop.BidangPemilik, laporan.Sop.TanggalEfektif));
        Assert.Equal((FinishedReturnedOnce, "Fajar Nugroho, S.E.", "199012012015031006"),
            (laporan.Innovation.Judul, laporan.Innovation.Pengusul, laporan.Innovation.PengusulNip));
        Assert.Equal(("Penerapan", "Digital", "Pelayanan publik", "Bidang Pelayanan Pendaftaran Penduduk"),
            (laporan.Innovation.Tahapan, laporan.Innovation.JenisInovasi, laporan.Innovation.Urusan, laporan.Innovation.Bidang));

        // One row per SOP step; step 2 ran twice and the report shows its second run.
        Assert.Equal(Enumerable.Range(1, 10), laporan.Steps.Select(s => s.Number));
        foreach (var row in laporan.Steps)
        {
            var last = runs.Last(r => r.StepNumber == row.Number);
            Assert.Equal((last.StartedAt, last.FinishedAt), (row.Mulai, row.Selesai));
        }
        Assert.Equal(2, runs.Count(r => r.StepNumber == 2));
        Assert.Equal(("Pejabat Fungsional", "2 minggu"), (laporan.Steps[0].Pelaksana, laporan.Steps[0].WaktuSop));
        Assert.Equal(("Kepala Bidang", "—"), (laporan.Steps[2].Pelaksana, laporan.Steps[2].WaktuSop));
        // The demo spends two working days on every step: on time everywhere except the one-day step 9.
        Assert.All(laporan.Steps, s => Assert.Equal(StepTime.InWorkingDays(2), s.Lama));
        Assert.Equal("Terlambat 1 hari kerja", laporan.Steps[8].Status);
        Assert.All(laporan.Steps.Where(s => s.Number != 9), s => Assert.Equal("Tepat waktu", s.Status));

        var returned = Assert.Single(laporan.Returns);
        var returnRun = runs.Single(r => r.Outcome == StepOutcome.TidakSesuai);
        Assert.Equal((3, returnRun.FinishedAt!.Value, "Hendra Gunawan, S.Sos."), (returned.StepNumber, returned.At, returned.By));
        Assert.Contains("analisis biaya", returned.Reason);

        // Every work step's output, the redone step 2 twice; nothing superseded.
        Assert.Equal([1, 2, 2, 6, 7, 8, 9], laporan.Outputs.Select(o => o.StepNumber));
        Assert.Equal("Laporan hasil pelaksanaan pengembangan inovasi pelayanan.pdf", laporan.Outputs[^1].FileName);

        var approval = Assert.IsType<LaporanApproval>(laporan.Approval);
        Assert.Equal(("Hj. Rahmawati Saleh, S.Sos., M.Si.", "197203151998031004"), (approval.Name, approval.Nip));
        Assert.Equal(runs.Last().FinishedAt, approval.ApprovedAt);
    }

    [ProviderFact]
    public async Task A_finished_innovation_without_returns_lists_none()
    {
        var laporan = await LaporanAsync(FinishedStraight);

        Assert.Empty(laporan.Returns);
        Assert.Equal([1, 2, 6, 7, 8, 9], laporan.Outputs.Select(o => o.StepNumber));
        Assert.NotNull(laporan.Approval);
    }

    [ProviderFact]
    public async Task At_the_report_step_the_Laporan_is_a_draft_with_the_later_step_not_started()
    {
        var laporan = await LaporanAsync(AtReportStep, DemoPeople.KepalaDinas);

        Assert.True(laporan.IsDraft);
        Assert.Null(laporan.Approval);
        Assert.Equal("Uji coba", laporan.Innovation.Tahapan);
        Assert.Equal(("Berjalan", (DateTimeOffset?)null), (laporan.Steps[8].Status, laporan.Steps[8].Selesai));
        Assert.NotNull(laporan.Steps[8].Mulai);
        Assert.Equal((ReportWording.NotStarted, (DateTimeOffset?)null, (StepTime?)null), (laporan.Steps[9].Status, laporan.Steps[9].Mulai, laporan.Steps[9].Lama));
    }

    [ProviderFact]
    public async Task The_draft_becomes_final_once_the_Kepala_Dinas_approves_the_last_step()
    {
        var id = await IdOfAsync(AtApprovalStep);
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);
        var draft = await LaporanAsync(AtApprovalStep, DemoPeople.FungsionalPdip);
        Assert.True(draft.IsDraft);
        Assert.Null(draft.Approval);
        Assert.Equal("Berjalan", draft.Steps[9].Status);

        long version;
        await using (var db = app.CreateDbContext()) version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
        var approved = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Approve), kadis);
        Assert.True(approved.Succeeded, approved.Message);

        var final = await LaporanAsync(AtApprovalStep, DemoPeople.FungsionalPdip);
        Assert.False(final.IsDraft);
        Assert.Equal("Penerapan", final.Innovation.Tahapan);
        Assert.Equal("Tepat waktu", final.Steps[9].Status);
        Assert.Equal(("Hj. Rahmawati Saleh, S.Sos., M.Si.", "197203151998031004"), (final.Approval!.Name, final.Approval.Nip));
    }

    [ProviderFact]
    public async Task Unknown_early_and_cancelled_innovations_and_people_of_another_bidang_are_refused_with_a_reason()
    {
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);

        var unknown = await Query.LoadAsync(987654, kadis);
        Assert.Equal((RefusalKind.NotFound, "Inovasi tidak ditemukan."), (unknown.Refusal!.Kind, unknown.Refusal.Message));

        var early = await Query.LoadAsync(await IdOfAsync(AtEvaluationStep), kadis);
        Assert.Equal(RefusalKind.NotAvailable, early.Refusal!.Kind);
        Assert.Equal("Laporan Inovasi Pelayanan tersedia mulai langkah 9 (Laporan); inovasi ini masih di langkah 8.", early.Refusal.Message);

        // Kepala Bidang PDIP and the TV screen's account may not see a Dafduk innovation's documents.
        foreach (var nip in new[] { DemoPeople.KabidPdip, DemoPeople.Pemantau })
        {
            var other = await Query.LoadAsync(await IdOfAsync(FinishedReturnedOnce), await app.IdAsync(nip));
            Assert.Equal(RefusalKind.Forbidden, other.Refusal!.Kind);
            Assert.Null(other.Data);
        }

        var cancelledId = await IdOfAsync("Dukcapil Goes to School");
        long version;
        await using (var db = app.CreateDbContext()) version = await db.Innovations.Where(i => i.Id == cancelledId).Select(i => i.Version).SingleAsync();
        var cancel = await app.Get<WorkflowService>().MoveAsync(
            new MoveCommand(cancelledId, version, WorkflowActionKind.Cancel, "Digabung dengan inovasi lain."), await app.IdAsync(DemoPeople.Administrator));
        Assert.True(cancel.Succeeded, cancel.Message);
        var cancelled = await Query.LoadAsync(cancelledId, kadis);
        Assert.Equal(RefusalKind.NotAvailable, cancelled.Refusal!.Kind);
        Assert.Contains("dibatalkan", cancelled.Refusal.Message);
    }
}
