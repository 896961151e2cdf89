using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Reports;
using Portal.Features.Workflow;
using Portal.Tests.Domain;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

public sealed class PelaksanaanReportOnSqliteTests(PelaksanaanReportOnSqliteTests.App app)
    : PelaksanaanReportTests(app), IClassFixture<PelaksanaanReportOnSqliteTests.App>
{
    public sealed class App() : PlayedItemApp(DatabaseProvider.Sqlite);
}

public sealed class PelaksanaanReportOnPostgreSqlTests(PelaksanaanReportOnPostgreSqlTests.App app)
    : PelaksanaanReportTests(app), IClassFixture<PelaksanaanReportOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PlayedItemApp(DatabaseProvider.PostgreSql);
}

/// <summary>
/// The Laporan Pelaksanaan SOP of an item of a second SOP, run through the workflow service with one return, downloaded
/// over HTTP. The times below are WITA; the working time of each run is worked out by hand beside it.
/// </summary>
public abstract class PelaksanaanReportTests(PelaksanaanReportTests.PlayedItemApp app)
{
    /// <summary>The portal with the item of the second SOP played through once for the whole class.</summary>
    public abstract class PlayedItemApp(DatabaseProvider provider) : PortalAppFactory(new TestClock(TestCalendar.Wita("2026-11-02 08:00")), provider: provider)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private int? itemId;

        public TestClock Clock => (TestClock)Get<TimeProvider>();

        /// <summary>The item, played through once for the whole class.</summary>
        public async Task<int> ItemAsync()
        {
            await gate.WaitAsync();
            try
            {
                return itemId ??= await PlayAsync();
            }
            finally
            {
                gate.Release();
            }
        }

        private async Task<int> PlayAsync()
        {
            var fungsional = await this.IdAsync(DemoPeople.FungsionalPdip);
            var kabid = await this.IdAsync(DemoPeople.KabidPdip);
            var kadis = await this.IdAsync(DemoPeople.KepalaDinas);
            await Get<OfficeProfileStore>().SaveAsync(new OfficeProfile
            {
                PemerintahDaerah = "Pemerintah Kabupaten Paser Uji", NamaInstansi = "Dinas Kependudukan dan Pencatatan Sipil Uji",
                HoursJson = OfficeHoursJson.Serialize(OfficeHours.Default),
            }, kadis, "Uji", Clock.Now);

            var sopId = await OtherSop.AddAsync(this, Clock.Now);
            var submission = new ItemFieldsSubmission(
                new Dictionary<string, string?>
                {
                    [ItemFieldsCreate.TitleKey] = "Legalisir KK a.n. Budi Santoso", ["nomor_permohonan"] = "LGS/2026/0117",
                    ["tanggal_permohonan"] = "2026-11-02", ["biaya"] = "1.500.000", ["jenis_dokumen"] = "Kartu Keluarga", ["petugas"] = kabid,
                },
                new Dictionary<string, ItemFieldUpload>
                {
                    ["surat"] = new("Surat permohonan.pdf", 0, () => new MemoryStream(DemoDocument.Pdf("Surat permohonan"))),
                });
            var (id, problems) = await OtherSop.CreateItemAsync(this, sopId, fungsional, submission, Clock.Now);
            Assert.True(id is not null, string.Join(" ", problems.Values));

            async Task Move(string at, string userId, WorkflowActionKind action, string? reason = null)
            {
                Clock.Now = TestCalendar.Wita(at);
                long version;
                await using (var db = CreateDbContext()) version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
                var moved = await Get<WorkflowService>().MoveAsync(new MoveCommand(id.Value, version, action, reason), userId);
                Assert.True(moved.Succeeded, moved.Message);
            }

            await Move("2026-11-02 09:30", fungsional, WorkflowActionKind.Advance);                  // step 1: 1 h 30
            await Move("2026-11-03 10:00", kabid, WorkflowActionKind.ReturnForRevision, Reason);      // step 2: Mon → Tue, 1 working day
            await Move("2026-11-03 15:30", fungsional, WorkflowActionKind.Advance);                  // step 1 again: 10.00–15.30, 5 h 30
            await Move("2026-11-04 08:00", kabid, WorkflowActionKind.Advance);                       // step 2 again: 1 working day
            Clock.Now = TestCalendar.Wita("2026-11-05 09:00");
            await this.AttachAsync(id.Value, fungsional, "KK terlegalisir.pdf");
            await Move("2026-11-05 10:00", fungsional, WorkflowActionKind.Advance);                  // step 3: Wed → Thu, 1 working day
            await Move("2026-11-06 11:00", kadis, WorkflowActionKind.Approve);                       // step 4: Thu → Fri, 1 working day
            Clock.Now = TestCalendar.Wita("2026-11-06 12:00");
            return id.Value;
        }
    }

    private const string Reason = "Fotokopi KTP-el pemohon belum dilampirkan.";

    [ProviderFact]
    public async Task The_report_has_the_office_kop_the_SOP_header_the_fields_and_every_run_with_its_pelaksana_dates_time_and_outcome()
    {
        var id = await app.ItemAsync();
        var client = await app.SignedInClientAsync(DemoPeople.FungsionalPdip);

        var response = await client.GetAsync(ReportUrls.Pelaksanaan(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Laporan Pelaksanaan SOP", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.DoesNotContain("DRAF", response.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = new PdfReadBack(bytes);
        var text = pdf.AllText;
        var compact = pdf.CompactText;
        string C(string s) => PdfReadBack.Compact(s);

        Assert.Contains("PEMERINTAH KABUPATEN PASER UJI", text);
        Assert.Contains(C("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL UJI"), compact);
        Assert.Contains(OtherSop.Nomor, text);
        Assert.Contains(C(OtherSop.Judul), compact);
        Assert.Contains(C("Tanggal efektif 1 Februari 2024"), compact);
        Assert.Contains(C($"Disahkan oleh {OtherSop.DisahkanOleh} ({OtherSop.DisahkanOlehNama})"), compact);
        Assert.Contains(C("Legalisir KK a.n. Budi Santoso"), compact);
        Assert.Contains(C("Nomor permohonanLGS/2026/0117"), compact);
        Assert.Contains(C("Tanggal permohonan2 November 2026"), compact);
        Assert.Contains(C("BiayaRp 1.500.000"), compact);
        Assert.Contains(C("Petugas loketNurul Hidayah, S.E., M.M."), compact);
        Assert.Contains(C("Surat permohonanSurat permohonan.pdf"), compact);

        // Run by run: step, pelaksana, started, finished, working time, outcome with who, outputs.
        string[][] runs =
        [
            ["1. Penerimaan permohonan", OtherSop.PetugasLoket, "02 Nov 2026 08.00", "02 Nov 2026 09.30", "1 jam 30 menit kerja", "Selesai", "Rizky Ramadhan, S.Kom.", "Surat permohonan.pdf"],
            ["2. Verifikasi berkas", OtherSop.PenanggungJawab, "02 Nov 2026 09.30", "03 Nov 2026 10.00", "1 hari kerja", "Tidak sesuai, dikembalikan ke langkah 1", "Nurul Hidayah, S.E., M.M.", "—"],
            ["1. Penerimaan permohonan", OtherSop.PetugasLoket, "03 Nov 2026 10.00", "03 Nov 2026 15.30", "5 jam 30 menit kerja", "Selesai", "Rizky Ramadhan, S.Kom.", "—"],
            ["2. Verifikasi berkas", OtherSop.PenanggungJawab, "03 Nov 2026 15.30", "04 Nov 2026 08.00", "1 hari kerja", "Sesuai", "Nurul Hidayah, S.E., M.M.", "—"],
            ["3. Penerbitan legalisir", OtherSop.PetugasLoket, "04 Nov 2026 08.00", "05 Nov 2026 10.00", "1 hari kerja", "Selesai", "Rizky Ramadhan, S.Kom.", "KK terlegalisir.pdf"],
            ["4. Pengesahan", OtherSop.Pengesah, "05 Nov 2026 10.00", "06 Nov 2026 11.00", "1 hari kerja", "Disetujui", "Hj. Rahmawati Saleh, S.Sos., M.Si.", "—"],
        ];
        var position = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            var row = C($"{i + 1}{string.Concat(runs[i])}");
            var found = compact.IndexOf(row, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Run {i + 1} not found in order: {string.Join(" | ", runs[i])}");
            position = found + row.Length;
        }

        Assert.Contains(C("C. Pengembalian untuk perbaikan"), compact);
        Assert.Contains(C($"2. Verifikasi berkas03 Nov 2026 10.00Nurul Hidayah, S.E., M.M.{Reason}"), compact);
        Assert.DoesNotContain("DRAF", text);

    }

    [ProviderFact]
    public async Task Refusals_answer_with_a_status_and_an_Indonesian_sentence()
    {
        var id = await app.ItemAsync();
        int innovationId;
        await using (var db = app.CreateDbContext())
            innovationId = await db.Innovations.Where(i => i.SopDefinition!.Sop!.RecordKind == SopRecordKind.InovasiPelayanan).Select(i => i.Id).FirstAsync();

        var otherBidang = await app.SignedInClientAsync(DemoPeople.FungsionalDafduk);
        var forbidden = await otherBidang.GetAsync(ReportUrls.Pelaksanaan(id));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("tidak berhak melihat Laporan Pelaksanaan SOP", await forbidden.Content.ReadAsStringAsync());

        var kadis = await app.SignedInClientAsync(DemoPeople.KepalaDinas);
        Assert.Equal(HttpStatusCode.OK, (await kadis.GetAsync(ReportUrls.Pelaksanaan(id))).StatusCode);
        var innovation = await kadis.GetAsync(ReportUrls.Pelaksanaan(innovationId));
        Assert.Equal(HttpStatusCode.Conflict, innovation.StatusCode);
        Assert.Equal(PelaksanaanQuery.InnovationSopRefusal, await innovation.Content.ReadAsStringAsync());
        var unknown = await kadis.GetAsync(ReportUrls.Pelaksanaan(987654));
        Assert.Equal((HttpStatusCode.NotFound, "Item tidak ditemukan."), (unknown.StatusCode, await unknown.Content.ReadAsStringAsync()));
    }

    [ProviderFact]
    public async Task While_a_step_runs_the_report_is_a_draft_and_the_open_run_counts_until_now()
    {
        await app.ItemAsync();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        int sopId;
        await using (var db = app.CreateDbContext()) sopId = await db.SopDefinitions.Where(s => s.Code == OtherSop.Nomor).Select(s => s.Id).SingleAsync();
        var started = app.Clock.Now;
        var (id, problems) = await OtherSop.CreateItemAsync(app, sopId, fungsional, new ItemFieldsSubmission(
            new Dictionary<string, string?>
            {
                [ItemFieldsCreate.TitleKey] = "Legalisir akta", ["nomor_permohonan"] = "LGS/2026/0118", ["tanggal_permohonan"] = "06/11/2026",
                ["jenis_dokumen"] = "Akta Kelahiran",
            },
            new Dictionary<string, ItemFieldUpload> { ["surat"] = new("Surat.pdf", 0, () => new MemoryStream(DemoDocument.Pdf("Surat"))) }), started);
        Assert.True(id is not null, string.Join(" ", problems.Values));

        // Friday 12.00 to 14.45 WITA: 2 h 45 inside office hours.
        app.Clock.Now = TestCalendar.Wita("2026-11-06 14:45");
        var outcome = await app.Get<PelaksanaanQuery>().LoadAsync(id.Value, fungsional);

        var data = outcome.Data!;
        Assert.True(data.IsDraft);
        Assert.Equal("Berjalan, di langkah 1. Penerimaan permohonan", data.Status);
        var run = Assert.Single(data.Runs);
        Assert.Equal(("2 jam 45 menit kerja", "Berjalan", (DateTimeOffset?)null), (run.Lama, run.Hasil, run.Selesai));
        Assert.Contains(("Biaya", "—"), data.Fields);
        using var pdf = new PdfReadBack(PelaksanaanPdf.Render(data));
        Assert.Contains("DRAF", pdf.AllText);
        app.Clock.Now = TestCalendar.Wita("2026-11-06 12:00");
    }
}
