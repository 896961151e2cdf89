using System.Text;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Features.Admin;

/// <summary>The office profile page in a real browser: refusals in words with nothing stored, then a save the whole portal follows.</summary>
[Trait("Category", "Browser")]
public sealed class OfficeProfileBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_administrator_is_refused_bad_logos_and_a_missing_name_then_moves_the_office_to_WIB_with_a_longer_Friday()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await Expect(page.GetByTestId("nav-kantor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-kantor")).ToHaveAttributeAsync("href", "/admin/kantor");
        await page.GotoAsync(session.BaseUrl + "/admin/kantor");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Profil kantor");
        await Expect(page.GetByTestId("office-applies-later")).ToContainTextAsync("tenggat langkah yang sudah berjalan tidak berubah");

        var logoInput = page.GetByTestId("office-logo-upload").First;
        await BrowserSession.ChooseFilesAsync(logoInput, new FilePayload
        {
            Name = "logo.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("teks biasa yang diberi nama logo.png"),
        });
        await Expect(page.GetByTestId("office-logo-error")).ToContainTextAsync("logo.png: Isi berkas bukan gambar PNG atau SVG.");
        await BrowserSession.ChooseFilesAsync(logoInput, new FilePayload
        {
            Name = "logo.svg", MimeType = "image/svg+xml", Buffer = TestImages.Svg("<script>alert(1)</script>"),
        });
        await Expect(page.GetByTestId("office-logo-error")).ToContainTextAsync("Logo SVG ditolak karena memuat skrip (<script>).");
        await Expect(page.GetByTestId("office-logo-kind")).ToHaveTextAsync("Logo bawaan portal.");
        await BrowserSession.ChooseFilesAsync(logoInput, new FilePayload
        {
            Name = "lambang.png", MimeType = "image/png", Buffer = TestImages.Png(48, 48),
        });
        await Expect(page.GetByTestId("office-logo-kind")).ToHaveTextAsync("Logo PNG unggahan.");
        await Expect(page.GetByTestId("office-logo-error")).ToHaveCountAsync(0);

        var instansi = page.GetByTestId("office-instansi");
        await instansi.FillAsync("");
        await page.GetByTestId("office-save").ClickAsync();
        await Expect(page.GetByText("Nama instansi wajib diisi, mis. Dinas Kependudukan dan Pencatatan Sipil.")).ToBeVisibleAsync();
        var store = session.App.Get<OfficeProfileStore>();
        Assert.Equal(default, (await store.GetAsync()).UpdatedAt);

        await instansi.FillAsync("Dinas Kependudukan dan Pencatatan Sipil");
        await page.GetByTestId("office-pemda").FillAsync("Pemerintah Kabupaten Sleman");
        await page.GetByTestId("office-zone").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("WIB — Asia/Jakarta (UTC+7)").ClickAsync();
        var fridayCloses = page.GetByTestId("office-day-Friday").GetByTestId("day-closes");
        await fridayCloses.FillAsync("16:30");
        await fridayCloses.PressAsync("Tab");
        await page.GetByTestId("office-save").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Profil kantor disimpan.");
        var office = await store.GetAsync();
        Assert.Equal(("Pemerintah Kabupaten Sleman", "WIB", "image/png"), (office.PemerintahDaerah, office.Zone.Label, office.LogoContentType));
        Assert.Equal(new WorkingDayHours(DayOfWeek.Friday, new TimeOnly(7, 30), new TimeOnly(16, 30)), office.Hours.On(DayOfWeek.Friday));
        await Expect(page.GetByTestId("office-updated")).ToContainTextAsync("WIB oleh");
        await Expect(page.GetByTestId("office-name")).ToHaveTextAsync("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman");
        await BrowserSession.ScreenshotAsync(page, "admin-kantor-tersimpan");

        await page.GotoAsync(session.BaseUrl + "/");
        await BrowserSession.WaitForBoardAsync(page);
        await Expect(page.GetByTestId("office-name")).ToHaveTextAsync("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman");
        await Expect(page.Locator("[title^='Tenggat']").First).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(" WIB$"));
        Assert.DoesNotContain("WITA", await page.ContentAsync());
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_administrator_adds_a_libur_daerah_in_the_holiday_dialog()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        // 2027 has no holidays yet, so the dialog's first date (1 January) is free.
        await page.GotoAsync(session.BaseUrl + "/admin/libur?tahun=2027");
        await BrowserSession.WaitForInteractiveAsync(page);

        await page.GetByTestId("add-holiday").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByTestId("holiday-name").FillAsync("Hari Jadi Kabupaten");
        await dialog.GetByTestId("holiday-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Libur daerah", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("holiday-save").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Hari libur 01 Jan 2027 disimpan.");
        await Expect(page.GetByTestId("count-local")).ToHaveTextAsync("1 libur daerah");
        var row = page.GetByTestId("holidays-grid").Locator("tr", new() { HasText = "Hari Jadi Kabupaten" });
        await Expect(row.GetByTestId("holiday-kind-LiburDaerah")).ToHaveTextAsync("Libur daerah");
    }
}
