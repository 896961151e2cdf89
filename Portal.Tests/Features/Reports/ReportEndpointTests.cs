using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Reports;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// On SQLite also the Laporan Inovasi Pelayanan's PDF downloads: their content comes from <see cref="LaporanQuery"/>, which
/// <see cref="LaporanQueryTests"/> checks on both providers.
/// </summary>
public sealed class ReportEndpointOnSqliteTests(ReportEndpointOnSqliteTests.App app) : ReportEndpointTests(app), IClassFixture<ReportEndpointOnSqliteTests.App>
{
    public sealed class App() : PortalAppFactory();

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static string Wita(DateTimeOffset instant) => OfficeZone.Wita.ToLocal(instant).ToString("dd MMM yyyy HH:mm", Indonesian);

    [RequiresToolFact(ExternalTools.PdfToPpm, "poppler-utils")]
    public async Task The_Laporan_of_a_finished_innovation_downloads_as_a_PDF_with_the_SOP_the_steps_and_the_approval()
    {
        var id = await IdOfAsync(LaporanQueryTests.FinishedReturnedOnce);
        var client = await Demo.SignedInClientAsync(DemoPeople.KepalaDinas);

        var response = await client.GetAsync($"/laporan/inovasi/{id}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Layanan Pindah Datang Satu Hari", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.DoesNotContain("DRAF", response.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = new PdfReadBack(bytes);
        var text = pdf.AllText;
        Assert.Contains("12./005/SOP/DKPS/1/2024", text);
        Assert.Contains(PdfReadBack.Compact(LaporanQueryTests.FinishedReturnedOnce), pdf.CompactText);
        await using (var db = Demo.CreateDbContext())
        {
            var runs = await db.StepRuns.AsNoTracking().Where(r => r.InnovationId == id).OrderBy(r => r.Id).ToListAsync();
            foreach (var step in Enumerable.Range(1, 10))
            {
                var last = runs.Last(r => r.StepNumber == step);
                Assert.Contains(Wita(last.StartedAt), text);
                Assert.Contains(Wita(last.FinishedAt!.Value), text);
            }
        }
        Assert.Contains(PdfReadBack.Compact("Hj. Rahmawati Saleh, S.Sos., M.Si."), pdf.CompactText);
        Assert.Contains("NIP 197203151998031004", text);
        Assert.Contains(PdfReadBack.Compact("Terlambat 1 hari kerja"), pdf.CompactText);
        Assert.DoesNotContain("DRAF", text);

        var png = ReportArtifacts.RenderFirstPage(bytes, "laporan-demo-selesai");
        Assert.True(new FileInfo(png).Length > 10_000);
    }

    [Fact]
    public async Task A_Laporan_before_approval_is_marked_as_a_draft()
    {
        var id = await IdOfAsync(LaporanQueryTests.AtReportStep);
        var client = await Demo.SignedInClientAsync(DemoPeople.KepalaDinas);

        var response = await client.GetAsync($"/laporan/inovasi/{id}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("(DRAF)", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var pdf = new PdfReadBack(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("DRAF", pdf.AllText);
    }

    [Fact]
    public async Task Laporan_refusals_answer_with_a_status_and_an_Indonesian_sentence()
    {
        var kabidPdip = await Demo.SignedInClientAsync(DemoPeople.KabidPdip);

        await AssertRefusedAsync(kabidPdip, $"/laporan/inovasi/{await IdOfAsync(LaporanQueryTests.FinishedReturnedOnce)}.pdf", HttpStatusCode.Forbidden, "tidak berhak");
        await AssertRefusedAsync(kabidPdip, "/laporan/inovasi/987654.pdf", HttpStatusCode.NotFound, "Inovasi tidak ditemukan.");
        await AssertRefusedAsync(kabidPdip, $"/laporan/inovasi/{await IdOfAsync(LaporanQueryTests.AtEvaluationStep)}.pdf", HttpStatusCode.Conflict, "tersedia mulai langkah 9");

        var anonymous = Demo.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/laporan/rekap.xlsx?tahun=2026");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/masuk", response.Headers.Location!.ToString());
    }
}

public sealed class ReportEndpointOnPostgreSqlTests(ReportEndpointOnPostgreSqlTests.App app)
    : ReportEndpointTests(app), IClassFixture<ReportEndpointOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PortalAppFactory(provider: DatabaseProvider.PostgreSql);
}

/// <summary>The report downloads over HTTP, signed in through the real sign-in form.</summary>
public abstract class ReportEndpointTests(PortalAppFactory app)
{
    /// <summary>The demo portal, for the subclass's own tests.</summary>
    protected PortalAppFactory Demo => app;

    protected async Task<int> IdOfAsync(string title)
    {
        await using var db = app.CreateDbContext();
        return await db.Innovations.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    [ProviderFact]
    public async Task The_period_report_is_for_leadership_only_and_checks_its_parameters()
    {
        var fungsional = await app.SignedInClientAsync(DemoPeople.FungsionalPdip);
        await AssertRefusedAsync(fungsional, "/laporan/periode.pdf?tahun=2026&bulan=11", HttpStatusCode.Forbidden, "hanya untuk pimpinan (kepala seksi ke atas) dan Administrator");
        await AssertRefusedAsync(fungsional, "/laporan/rekap.xlsx?tahun=2026", HttpStatusCode.Forbidden, "hanya untuk pimpinan");

        var kabid = await app.SignedInClientAsync(DemoPeople.KabidPdip);
        await AssertRefusedAsync(kabid, "/laporan/periode.pdf", HttpStatusCode.BadRequest, "Tahun wajib diisi");
        await AssertRefusedAsync(kabid, "/laporan/periode.pdf?tahun=2026&bulan=13", HttpStatusCode.BadRequest, "Bulan harus antara 1 dan 12.");
        await AssertRefusedAsync(kabid, "/laporan/rekap.xlsx?tahun=2026&bidang=99", HttpStatusCode.NotFound, "Bidang tidak ditemukan.");

        var response = await kabid.GetAsync("/laporan/periode.pdf?tahun=2026&bulan=11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = new PdfReadBack(bytes);
        Assert.Contains("NOVEMBER 2026", pdf.AllText);
        Assert.Contains(PdfReadBack.Compact("Antrean Pelayanan via WhatsApp"), pdf.CompactText);
        ReportArtifacts.RenderFirstPage(bytes, app.Provider == DatabaseProvider.PostgreSql ? "laporan-periode-demo-postgresql" : "laporan-periode-demo");
    }

    [ProviderFact]
    public async Task The_recap_workbook_has_every_innovation_of_the_year_and_honours_the_bidang_filter()
    {
        var kadis = await app.SignedInClientAsync(DemoPeople.KepalaDinas);
        int total, dafduk, dafdukId;
        await using (var db = app.CreateDbContext())
        {
            // The recap is the innovation SOP's; the demo's second SOP has runs of its own.
            var innovations = db.Innovations.Where(i => i.SopDefinition!.Sop!.RecordKind == SopRecordKind.InovasiPelayanan);
            total = await innovations.CountAsync();
            dafdukId = await db.Bidang.Where(b => b.ShortName == "Dafduk").Select(b => b.Id).SingleAsync();
            dafduk = await innovations.CountAsync(i => i.BidangId == dafdukId);
        }

        var all = await RecapRowsAsync(kadis, "/laporan/rekap.xlsx?tahun=2026");
        Assert.Equal(total, all.Count);
        Assert.Equal(25, all[0].Count);
        var finished = all.Single(r => (string?)r["Judul"] == LaporanQueryTests.FinishedReturnedOnce);
        Assert.Equal(("Selesai", "Penerapan", "199012012015031006"), (finished["Status"], finished["Tahapan"], finished["NIP"]));
        Assert.All(Enumerable.Range(1, 10), n => Assert.Equal(2, Convert.ToInt32(finished[$"Langkah {n} (hari kerja)"])));

        var onlyDafduk = await RecapRowsAsync(kadis, $"/laporan/rekap.xlsx?tahun=2026&bidang={dafdukId}");
        Assert.Equal(dafduk, onlyDafduk.Count);
        Assert.All(onlyDafduk, r => Assert.Equal("Bidang Pelayanan Pendaftaran Penduduk", r["Bidang"]));
        Assert.Empty(await RecapRowsAsync(kadis, "/laporan/rekap.xlsx?tahun=2025"));
    }

    private static async Task<List<IDictionary<string, object?>>> RecapRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportDownloads.ExcelType, response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(file, useHeaderRow: true, sheetName: RecapWorkbook.RecapSheet).Cast<IDictionary<string, object?>>().ToList();
    }

    protected static async Task AssertRefusedAsync(HttpClient client, string url, HttpStatusCode status, string sentence)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(sentence, await response.Content.ReadAsStringAsync());
    }
}
