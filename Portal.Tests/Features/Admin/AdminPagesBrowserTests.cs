using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Features.Admin;

[Trait("Category", "Browser")]
public sealed class AdminPagesBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    public static readonly (string Path, string Heading, string Screenshot)[] Pages =
    [
        ("/admin/pengguna", "Pengguna", "admin-pengguna"),
        ("/admin/plh", "Pelaksana Tugas dan Pelaksana Harian", "admin-plh"),
        ("/admin/bidang", "Bidang", "admin-bidang"),
        ("/admin/libur", "Hari libur", "admin-libur"),
        ("/admin/sop", "Ubah SOP Inovasi Pelayanan", "admin-sop"),
        ("/admin/sop/impor", "Impor SOP dari tabel", "admin-sop-impor"),
        ("/admin/pengaturan", "Pengaturan", "admin-pengaturan"),
        ("/admin/kantor", "Profil kantor", "admin-kantor"),
        ("/admin/audit", "Jejak audit", "admin-audit"),
        ("/sop", "SOP Inovasi Pelayanan", "sop"),
    ];

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_administrator_sees_the_administration_menu_and_opens_every_admin_page()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await Expect(page.GetByTestId("nav-admin")).ToBeVisibleAsync();

        foreach (var (path, heading, screenshot) in Pages)
        {
            await page.GotoAsync(session.BaseUrl + path);
            await BrowserSession.WaitForInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await BrowserSession.ScreenshotAsync(page, screenshot);
        }
    }
}
