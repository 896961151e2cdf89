using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

/// <summary>
/// Sign-in attempts are limited per client address, on the real Kestrel server with real client addresses
/// (127.0.0.x): three attempts in ten minutes here; the suite's other hosts raise the limit.
/// </summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.App app) : IClassFixture<SignInRateLimitTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public App() : base(settings: new Dictionary<string, string?>
        {
            ["Portal:SignInRateLimit:PermitLimit"] = "3",
            ["Portal:SignInRateLimit:Window"] = "00:10:00",
        }) => BaseUrl = StartKestrel();

        public string BaseUrl { get; }
    }

    private static readonly string[] UnknownNips = ["199001012015011091", "199001012015011092", "199001012015011093"];

    [Fact]
    public async Task A_fourth_attempt_from_one_address_is_refused_with_a_message_while_others_still_sign_in()
    {
        using var guesser = PortalHttp.NewKestrelClient(app.BaseUrl, IPAddress.Parse("127.0.0.2"));
        foreach (var nip in UnknownNips)
            Assert.Contains("NIP atau kata sandi salah.", await (await guesser.SignInAsync(nip, "tebakan-sandi")).HtmlAsync());

        // Even the right password: the address has used up its attempts.
        var fourth = await guesser.SignInAsync(DemoPeople.FungsionalDafduk);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam 10 menit.", await fourth.HtmlAsync());
        Assert.InRange(fourth.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/sop")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/akun/masuk")).StatusCode);

        using var colleague = PortalHttp.NewKestrelClient(app.BaseUrl, IPAddress.Parse("127.0.0.3"));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SignInAsync(DemoPeople.FungsionalDafduk)).StatusCode);
    }

    [Fact]
    public async Task Behind_the_reverse_proxy_each_client_counts_on_its_own()
    {
        // 127.0.0.1 is the proxy the portal trusts by default: it names the client in X-Forwarded-For.
        using var first = ThroughProxy(IPAddress.Loopback, "203.0.113.10");
        foreach (var nip in UnknownNips) await first.SignInAsync(nip, "tebakan-sandi");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SignInAsync(UnknownNips[0], "tebakan-sandi")).StatusCode);

        using var second = ThroughProxy(IPAddress.Loopback, "203.0.113.11");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SignInAsync(DemoPeople.FungsionalPdip)).StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_no_known_proxy_cannot_escape_the_limit_by_naming_other_clients()
    {
        var attempts = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var client = ThroughProxy(IPAddress.Parse("127.0.0.4"), $"198.51.100.{attempt}");
            attempts.Add((await client.SignInAsync(UnknownNips[attempt % 3], "tebakan-sandi")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], attempts);
    }

    private HttpClient ThroughProxy(IPAddress proxy, string client)
    {
        var http = PortalHttp.NewKestrelClient(app.BaseUrl, proxy);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }
}
