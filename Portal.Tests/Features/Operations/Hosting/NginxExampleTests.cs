using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Features.Account;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Hosting;

/// <summary>
/// The repository's nginx example, as a pranata komputer would install it: Debian's nginx with a self-signed
/// certificate in front of a fresh Production portal, opened in Chromium from the setup link to a live page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NginxExampleTests : IAsyncLifetime
{
    private readonly PortalAppFactory app = new(environment: "Production");
    private readonly TestNginx nginx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [RequiresToolFact(ExternalTools.Nginx, "nginx")]
    public async Task The_example_serves_the_portal_over_https_with_its_live_connection_from_the_setup_link_on()
    {
        var upstream = new Uri(app.StartKestrel());
        var (httpsPort, httpPort) = (FreePorts.Next(), FreePorts.Next());
        StartNginx(upstream.Port, httpsPort, httpPort);
        var token = await app.Get<FirstAdministratorSetup>().IssueTokenAsync();

        var chromium = ExternalTools.Require(ExternalTools.Chromium);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
        var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true, Locale = "id-ID", ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var sockets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => sockets.Enqueue(socket.Url);

        // Plain HTTP is sent to HTTPS by nginx itself.
        var plain = await page.GotoAsync($"http://localhost:{httpPort}/akun/masuk");
        Assert.StartsWith($"https://localhost:{httpsPort}/akun/masuk", page.Url);
        Assert.Equal(200, plain!.Status);

        await page.GotoAsync($"https://localhost:{httpsPort}{FirstAdministratorSetup.Path}?token={token}");
        await page.FillAsync("#nip", "198806152012121002");
        await page.FillAsync("#name", "Ir. Sri Wahyuni");
        await page.FillAsync("#password", "kata sandi pertama");
        await page.FillAsync("#confirm", "kata sandi pertama");
        await page.ClickAsync("[data-testid=setup-submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/admin/pengguna"));
        await BrowserSession.WaitForInteractiveAsync(page);
        await BrowserSession.ScreenshotAsync(page, "deploy-nginx-first-administrator");

        // The sign-in cookie is HTTPS-only: the portal believed nginx's X-Forwarded-Proto.
        var cookies = await context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "portal-inovasi" && c.Secure && c.HttpOnly);
        // The live circuit came through nginx as a WebSocket that answered, not a long-polling fallback.
        Assert.Contains(sockets, url => url.StartsWith($"wss://localhost:{httpsPort}/_blazor?id="));
        await using var db = app.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "198806152012121002"));
    }

    private void StartNginx(int upstreamPort, int httpsPort, int httpPort) =>
        nginx.Start("deploy/nginx-portal-inovasi.conf", app.Get<TimeProvider>().GetUtcNow(), httpsPort,
        [
            ("listen 80;", $"listen 127.0.0.1:{httpPort};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;"),
            ("listen [::]:443 ssl http2;", ""),
            ("server_name inovasi.disdukcapil.paserkab.go.id;", "server_name localhost;"),
            ("/etc/ssl/certs/portal-inovasi.crt", nginx.Certificate),
            ("/etc/ssl/private/portal-inovasi.key", nginx.Key),
            ("return 301 https://$host$request_uri;", $"return 301 https://$host:{httpsPort}$request_uri;"),
            ("http://127.0.0.1:5000", $"http://127.0.0.1:{upstreamPort}"),
        ]);

    public async Task DisposeAsync()
    {
        nginx.Dispose();
        await app.DisposeAsync();
    }
}
