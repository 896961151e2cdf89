using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_Kepala_Bidang_signs_in_sees_their_name_and_no_administration_menu_and_signs_out()
    {
        var page = await session.SignInAsync(DemoPeople.KabidPdip);
        await Assertions.Expect(page.GetByTestId("user-menu")).ToContainTextAsync("Nurul Hidayah");
        await Assertions.Expect(page.GetByTestId("user-menu")).ToContainTextAsync("Kepala Bidang");
        var menu = page.GetByTestId("nav-menu");
        await Assertions.Expect(menu).ToContainTextAsync("Daftar SOP");
        await Assertions.Expect(menu).Not.ToContainTextAsync("Administrasi");
        await Assertions.Expect(menu).Not.ToContainTextAsync("Plt. / Plh.");
        await BrowserSession.ScreenshotAsync(page, "signin-kabid-landing");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/akun/masuk"));
        await page.GotoAsync($"{session.BaseUrl}/sop");
        await page.WaitForURLAsync(url => url.Contains("/akun/masuk"));
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_Kepala_Dinas_sees_the_acting_officials_link_but_not_the_administration_group()
    {
        var page = await session.SignInAsync(DemoPeople.KepalaDinas);
        var menu = page.GetByTestId("nav-menu");
        await Assertions.Expect(page.GetByTestId("nav-plh")).ToBeVisibleAsync();
        await Assertions.Expect(menu).Not.ToContainTextAsync("Administrasi");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var context = await session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{session.BaseUrl}/akun/masuk");
        await page.FillAsync("#nip", DemoPeople.FungsionalDafduk);
        await page.FillAsync("#password", "salah-sekali");
        await page.ClickAsync("[data-testid=signin-submit]");
        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("NIP atau kata sandi salah.");
        await BrowserSession.ScreenshotAsync(page, "signin-wrong-password");
    }
}
