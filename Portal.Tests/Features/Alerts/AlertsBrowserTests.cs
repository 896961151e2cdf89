using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

/// <summary>The bell, the notifications page, the admin page and the Hangfire dashboard in Chromium.</summary>
[Trait("Category", "Browser")]
public sealed class AlertsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_hangfire_dashboard_is_for_administrators_only()
    {
        var anonymous = await (await session.Browser.NewContextAsync()).NewPageAsync();
        await anonymous.GotoAsync($"{session.BaseUrl}/hangfire");
        await anonymous.WaitForURLAsync(url => url.Contains("/akun/masuk"));

        var kabid = await session.SignInAsync(DemoPeople.KabidPdip);
        var refused = await kabid.GotoAsync($"{session.BaseUrl}/hangfire");
        Assert.Equal(403, refused!.Status);
        Assert.DoesNotContain("antrean tugas", await kabid.ContentAsync());

        var admin = await session.SignInAsync(DemoPeople.Administrator);
        var dashboard = await admin.GotoAsync($"{session.BaseUrl}/hangfire/recurring");
        Assert.Equal(200, dashboard!.Status);
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync(AlertSchedule.OverdueScanId);
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync(AlertSchedule.DailyDigestId);
        await BrowserSession.ScreenshotAsync(admin, "alerts-hangfire-recurring");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_kepala_dinas_sees_the_unread_count_opens_the_notifications_and_marks_them_read()
    {
        await ScanAsync();
        var page = await session.SignInAsync(DemoPeople.KepalaDinas);
        var bell = page.GetByTestId("notification-bell");
        var unread = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0");
        Assert.True(unread >= 2, $"The demo data should give the Kepala Dinas alerts, got {unread}.");
        await BrowserSession.ScreenshotAsync(page, "alerts-bell-kepala-dinas");

        await bell.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/notifikasi"));
        await BrowserSession.WaitForInteractiveAsync(page);
        var items = page.GetByTestId("notification-item");
        await Assertions.Expect(items).ToHaveCountAsync(Math.Min(unread, 20));
        await BrowserSession.ScreenshotAsync(page, "alerts-notifikasi-unread");

        await items.First.GetByTestId("notification-mark-read").ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", (unread - 1).ToString());

        await page.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notifications-empty")).ToBeVisibleAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        await page.GetByTestId("filter-all").ClickAsync();
        await Assertions.Expect(items.First).ToHaveAttributeAsync("data-read", "true");
        await BrowserSession.ScreenshotAsync(page, "alerts-notifikasi-all-read");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_sees_the_rules_in_force_the_last_scans_and_that_smtp_is_not_configured()
    {
        await ScanAsync();
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await page.GotoAsync($"{session.BaseUrl}/admin/peringatan");
        await BrowserSession.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("alert-rules")).ToContainTextAsync("terlambat 2 hari kerja atau lebih");
        await Assertions.Expect(page.GetByTestId("alert-schedule")).ToContainTextAsync("*/5 * * * *");
        await Assertions.Expect(page.GetByTestId("scan-record").First).ToContainTextAsync(AlertTexts.ScanJobName);
        await Assertions.Expect(page.GetByTestId("smtp-not-configured")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("test-email-send")).ToBeDisabledAsync();
        await BrowserSession.ScreenshotAsync(page, "alerts-admin-peringatan");

        var kabid = await session.SignInAsync(DemoPeople.KabidPdip);
        await kabid.GotoAsync($"{session.BaseUrl}/admin/peringatan");
        await Assertions.Expect(kabid.GetByTestId("alert-rules")).ToHaveCountAsync(0);
    }

    private async Task ScanAsync()
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OverdueScanJob>().RunAsync(CancellationToken.None);
    }
}
