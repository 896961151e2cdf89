using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>The leadership pages and the Laporan button in a real browser; screenshots go to test-artifacts.</summary>
[Trait("Category", "Browser")]
public sealed class ReportBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private async Task<int> IdOfAsync(string title)
    {
        await using var db = session.App.CreateDbContext();
        return await db.Innovations.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_Kepala_Dinas_sees_the_dashboard_with_every_figure_as_chart_and_table()
    {
        var page = await session.SignInAsync(DemoPeople.KepalaDinas, 1366, 900);
        await page.GotoAsync($"{session.BaseUrl}/dasbor");
        await BrowserSession.WaitForInteractiveAsync(page);

        // The dashboard opens on the innovation SOP: its items only, not the other SOPs'.
        int total, finished, otherSopItems;
        var innovationSop = await session.App.InnovationSopIdAsync();
        await using (var db = session.App.CreateDbContext())
        {
            total = await db.Innovations.CountAsync(i => i.SopDefinition!.SopId == innovationSop);
            finished = await db.Innovations.CountAsync(i => i.SopDefinition!.SopId == innovationSop && i.Status == InnovationStatus.Selesai);
            otherSopItems = await db.Innovations.CountAsync(i => i.SopDefinition!.SopId != innovationSop);
        }
        Assert.True(otherSopItems > 0, "the demo runs a second SOP");
        await Assertions.Expect(page.GetByTestId("summary-active")).ToContainTextAsync(total.ToString());
        await Assertions.Expect(page.GetByTestId("summary-finished")).ToContainTextAsync(finished.ToString());
        foreach (var figure in new[] { "stages", "ontime", "duration", "late", "finished" })
        {
            await Assertions.Expect(page.GetByTestId($"figure-{figure}").Locator("svg").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId($"table-{figure}").Locator("tbody tr").First).ToBeVisibleAsync();
        }
        // Every demo step takes two working days: the one-day step 9 is never on time, the others always.
        await Assertions.Expect(page.GetByTestId("ontime-9")).ToContainTextAsync("0%");
        await Assertions.Expect(page.GetByTestId("ontime-1")).ToContainTextAsync("100%");
        await Assertions.Expect(page.GetByTestId("duration-1")).ToContainTextAsync("2,0");
        await BrowserSession.ScreenshotAsync(page, "reports-dashboard-kepala-dinas");

        // The bidang filter narrows every figure.
        await page.GetByTestId("filter-bidang").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Bidang Pelayanan Pendaftaran Penduduk" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-active")).ToContainTextAsync("3");
        await Assertions.Expect(page.GetByTestId("table-late").Locator("tbody tr")).ToHaveCountAsync(1);
        // Another SOP: its own items and steps, and no innovation stages.
        await page.GetByTestId("filter-bidang").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Semua bidang" }).ClickAsync();
        await page.GetByTestId("filter-sop").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Penanganan Pengaduan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-scope")).ToContainTextAsync("SOP Penanganan Pengaduan");
        await Assertions.Expect(page.GetByTestId("summary-active")).ToContainTextAsync(otherSopItems.ToString());
        await Assertions.Expect(page.GetByTestId("figure-stages")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "reports-dashboard-second-sop");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_Kepala_Dinas_picks_a_period_on_the_reports_page_and_downloads_its_files()
    {
        var page = await session.SignInAsync(DemoPeople.KepalaDinas, 1366, 900);
        await page.GotoAsync($"{session.BaseUrl}/laporan");
        await BrowserSession.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("period-innovations").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var month = OfficeZone.Wita.ToLocal(session.App.Get<TimeProvider>().GetUtcNow());
        var periodHref = await page.GetByTestId("download-period").GetAttributeAsync("href");
        Assert.Equal($"/laporan/periode.pdf?tahun={month.Year}&bulan={month.Month}", periodHref);
        var finishedId = await IdOfAsync(LaporanQueryTests.FinishedReturnedOnce);
        await Assertions.Expect(page.GetByTestId($"period-row-{finishedId}").GetByRole(AriaRole.Link, new() { Name = "PDF" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "reports-page-kepala-dinas");

        await page.GetByTestId("filter-bulan").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Setahun penuh" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("download-period")).ToHaveAttributeAsync("href", $"/laporan/periode.pdf?tahun={month.Year}");

        var pdf = await page.APIRequest.GetAsync($"{session.BaseUrl}{await page.GetByTestId("download-period").GetAttributeAsync("href")}");
        Assert.Equal((200, "application/pdf"), (pdf.Status, pdf.Headers["content-type"]));
        var excel = await page.APIRequest.GetAsync($"{session.BaseUrl}{await page.GetByTestId("download-recap").GetAttributeAsync("href")}");
        Assert.Equal(200, excel.Status);
        Assert.StartsWith("application/vnd.openxmlformats", excel.Headers["content-type"]);
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_Pejabat_Fungsional_is_refused_the_leadership_views_and_the_period_report()
    {
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dasbor pimpinan" })).ToHaveCountAsync(0);

        await page.GotoAsync($"{session.BaseUrl}/laporan");
        await Assertions.Expect(page.GetByText("Akses ditolak")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "reports-page-fungsional-refused");
        await page.GotoAsync($"{session.BaseUrl}/dasbor");
        await Assertions.Expect(page.GetByText("Akses ditolak")).ToBeVisibleAsync();

        var period = await page.APIRequest.GetAsync($"{session.BaseUrl}/laporan/periode.pdf?tahun=2026&bulan=11");
        Assert.Equal(403, period.Status);
        Assert.Contains("hanya untuk pimpinan (kepala seksi ke atas) dan Administrator", await period.TextAsync());
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_detail_page_offers_the_Laporan_from_the_report_step_as_a_draft_until_approved()
    {
        var page = await session.SignInAsync(DemoPeople.KepalaDinas);

        await page.GotoAsync($"{session.BaseUrl}/inovasi/{await IdOfAsync(LaporanQueryTests.FinishedStraight)}");
        await BrowserSession.WaitForInteractiveAsync(page);
        var button = page.GetByTestId("laporan-button");
        await Assertions.Expect(button).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("laporan-draft")).ToHaveCountAsync(0);
        var response = await page.APIRequest.GetAsync($"{session.BaseUrl}{await button.GetAttributeAsync("href")}");
        Assert.Equal((200, "application/pdf"), (response.Status, response.Headers["content-type"]));
        await BrowserSession.ScreenshotAsync(page, "reports-detail-finished");

        await page.GotoAsync($"{session.BaseUrl}/inovasi/{await IdOfAsync(LaporanQueryTests.AtReportStep)}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("laporan-draft")).ToHaveTextAsync("DRAF");
        await Assertions.Expect(page.GetByTestId("laporan-button")).ToBeEnabledAsync();

        await page.GotoAsync($"{session.BaseUrl}/inovasi/{await IdOfAsync(LaporanQueryTests.AtEvaluationStep)}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("laporan-button")).ToBeDisabledAsync();
        await BrowserSession.ScreenshotAsync(page, "reports-detail-before-step-9");
    }
}
