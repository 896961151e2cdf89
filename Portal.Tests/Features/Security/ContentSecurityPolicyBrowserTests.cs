using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Security;

/// <summary>
/// The main pages work in Chromium under the portal's Content-Security-Policy: the browser reports no
/// violation (no inline script, no blocked style or connection) and the board still comes alive.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_main_pages_run_under_the_policy_without_a_violation()
    {
        var (kepalaDinas, kadisViolations) = await SignInWatchedAsync(DemoPeople.KepalaDinas);

        await BrowserSession.WaitForBoardAsync(kepalaDinas);
        await Assertions.Expect(kepalaDinas.Locator(".board-card").First).ToBeVisibleAsync();
        int withPdf;
        await using (var db = session.App.CreateDbContext())
            withPdf = db.Attachments.Where(a => a.ContentType == "application/pdf").Select(a => a.InnovationId).First();
        await kepalaDinas.GotoAsync($"{session.BaseUrl}/inovasi/{withPdf}");
        await BrowserSession.WaitForInteractiveAsync(kepalaDinas);
        // A step output shown in the preview frame (frame-src and frame-ancestors allow the portal itself).
        var pdf = kepalaDinas.WaitForResponseAsync(response => response.Url.Contains("inline=true"));
        await kepalaDinas.GetByRole(AriaRole.Button, new() { Name = "Pratinjau" }).First.ClickAsync();
        Assert.Equal("application/pdf", (await (await pdf).AllHeadersAsync())["content-type"]);
        await kepalaDinas.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var path in new[] { "/layar", "/dasbor", "/admin/plh" })
        {
            await kepalaDinas.GotoAsync($"{session.BaseUrl}{path}");
            await BrowserSession.WaitForInteractiveAsync(kepalaDinas);
            if (path == "/layar") await BrowserSession.WaitForBoardAsync(kepalaDinas);
        }
        // Back on the board through the menu: enhanced navigation and the live circuit under the policy.
        await kepalaDinas.GotoAsync($"{session.BaseUrl}/");
        await BrowserSession.WaitForBoardAsync(kepalaDinas);

        var (administrator, adminViolations) = await SignInWatchedAsync(DemoPeople.Administrator);
        await administrator.GotoAsync($"{session.BaseUrl}/admin/pengguna");
        await BrowserSession.WaitForInteractiveAsync(administrator);
        await Assertions.Expect(administrator.GetByText("Rahmawati Saleh").First).ToBeVisibleAsync();
        await administrator.GotoAsync($"{session.BaseUrl}/hangfire");
        await Assertions.Expect(administrator.Locator("body")).ToContainTextAsync("Portal Inovasi — antrean tugas");
        await administrator.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(kadisViolations);
        Assert.Empty(adminViolations);
    }

    /// <summary>
    /// Signs in with a listener, set before the sign-in page loads, for the violations the page reports
    /// (securitypolicyviolation events) and for the browser's own console errors about the policy.
    /// </summary>
    private async Task<(IPage Page, List<string> Violations)> SignInWatchedAsync(string nip)
    {
        var violations = new List<string>();
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        await context.ExposeFunctionAsync("reportCspViolation", (string violation) => { lock (violations) violations.Add(violation); });
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportCspViolation(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
            """);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (violations) violations.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => { lock (violations) violations.Add($"page error: {error}"); };

        await page.GotoAsync($"{session.BaseUrl}/akun/masuk");
        await page.FillAsync("#nip", nip);
        await page.FillAsync("#password", Portal.Data.DemoData.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        await BrowserSession.WaitForInteractiveAsync(page);
        return (page, violations);
    }
}
