using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>The backups page in Chromium: an administrator takes a backup and sees it listed as verified.</summary>
[Trait("Category", "Browser")]
public sealed class BackupsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_administrator_backs_up_now_and_sees_the_backup_verified_and_others_do_not_see_the_page()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await Assertions.Expect(page.GetByTestId("nav-admin")).ToContainTextAsync("Cadangan");
        await BrowserSession.FollowMenuLinkAsync(page, "/admin/cadangan");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cadangan");
        await Assertions.Expect(page.GetByTestId("backup-schedule")).ToContainTextAsync("0 2 * * *");
        var rowsBefore = await page.GetByTestId("backup-row").CountAsync();

        await page.GetByTestId("backup-now").ClickAsync();

        await Assertions.Expect(page.GetByTestId("backup-row")).ToHaveCountAsync(rowsBefore + 1);
        await Assertions.Expect(page.GetByTestId("backup-row").First).ToContainTextAsync("Manual");
        await Assertions.Expect(page.GetByTestId("backup-row").First.GetByTestId("backup-verified")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("backup-ok")).ToBeVisibleAsync();
        Assert.DoesNotContain(session.App.BackupFolder, await page.ContentAsync());
        await BrowserSession.ScreenshotAsync(page, "admin-cadangan");

        var kabid = await session.SignInAsync(DemoPeople.KabidPdip);
        await kabid.GotoAsync($"{session.BaseUrl}/admin/cadangan");
        await Assertions.Expect(kabid.GetByTestId("backup-now")).ToHaveCountAsync(0);
    }
}
