using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Hosting;

/// <summary>
/// The several-servers example (deploy/nginx-portal-inovasi-banyak-server.conf) in front of two portal instances on
/// one PostgreSQL database: a browser stays with the instance that served it, and a move saved through the other
/// instance appears on its open board.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NginxTwoInstancesTests : IAsyncLifetime, IRunsOnPostgreSql
{
    private readonly PortalAppFactory first = new(provider: DatabaseProvider.PostgreSql);
    private PortalAppFactory? second;
    private readonly TestNginx nginx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [ProviderFact(Tools = [ExternalTools.Nginx, ExternalTools.Chromium])]
    public async Task Two_instances_behind_the_example_serve_one_board_live_and_each_browser_stays_with_its_instance()
    {
        var firstUrl = new Uri(first.StartKestrel());
        second = new PortalAppFactory(settings: first.SecondInstanceSettings(), provider: DatabaseProvider.PostgreSql);
        var secondUrl = new Uri(second.StartKestrel());
        var (httpsPort, httpPort) = (FreePorts.Next(), FreePorts.Next());
        nginx.Start("deploy/nginx-portal-inovasi-banyak-server.conf", first.Get<TimeProvider>().GetUtcNow(), httpsPort,
        [
            ("listen 80;", $"listen 127.0.0.1:{httpPort};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;"),
            ("listen [::]:443 ssl http2;", ""),
            ("server_name inovasi.paserkab.go.id;", "server_name localhost;"),
            ("/etc/ssl/certs/portal-inovasi.crt", nginx.Certificate),
            ("/etc/ssl/private/portal-inovasi.key", nginx.Key),
            ("return 301 https://$host$request_uri;", $"return 301 https://$host:{httpsPort}$request_uri;"),
            ("server 10.20.0.11:5000", $"server 127.0.0.1:{firstUrl.Port}"),
            ("server 10.20.0.12:5000", $"server 127.0.0.1:{secondUrl.Port}"),
        ], logFormat: "$cookie_portal_server $upstream_addr $status $request");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExternalTools.Require(ExternalTools.Chromium), Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true, Locale = "id-ID", ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync($"https://localhost:{httpsPort}/akun/masuk");
        await page.FillAsync("#nip", DemoPeople.KabidPdip);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        await page.GotoAsync($"https://localhost:{httpsPort}/papan");
        await BrowserSession.WaitForBoardAsync(page);

        // Every request of this browser went to one instance.
        var affinity = (await context.CookiesAsync()).Single(c => c.Name == "portal_server").Value;
        var upstreams = File.ReadAllLines(nginx.AccessLog).Select(line => line.Split(' ')).Where(parts => parts[0] == affinity).Select(parts => parts[1]).Distinct().ToList();
        var served = Assert.Single(upstreams);
        // nginx logs a WebSocket only when it closes; the circuit's negotiation is logged at once and went the same way.
        Assert.Contains(File.ReadAllLines(nginx.AccessLog), line => line.StartsWith($"{affinity} {served} 200 POST /_blazor/negotiate"));

        // A pejabat fungsional proposes an innovation through the OTHER instance; the open board shows its card.
        var other = served.EndsWith($":{firstUrl.Port}") ? second : first;
        var proposed = await other.Get<WorkflowService>().CreateAsync(
            Workflow.WorkflowServiceTests.Details("Layanan akta lewat dua server"), await other.IdAsync(DemoPeople.FungsionalPdip));
        Assert.True(proposed.Succeeded, proposed.Message);
        await Assertions.Expect(page.GetByTestId($"card-{proposed.InnovationId}")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "deploy-nginx-dua-server");
    }

    public async Task DisposeAsync()
    {
        nginx.Dispose();
        if (second is not null) await second.DisposeAsync();
        await first.DisposeAsync();
    }
}
