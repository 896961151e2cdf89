using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Security;

/// <summary>
/// A production portal on Kestrel behind a TLS reverse proxy: only a proxy it knows (by default one on this
/// machine, 127.0.0.1) may say the request came over HTTPS. Clients come from real loopback addresses.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.App app) : IClassFixture<ReverseProxyTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public App() : base(environment: "Production") => BaseUrl = StartKestrel();

        public string BaseUrl { get; }
    }

    // HSTS is never sent for localhost; the proxy passes on the public host name.
    private const string PublicHost = "inovasi.example";

    [Fact]
    public async Task Through_the_proxy_on_this_machine_the_portal_knows_it_is_HTTPS_sends_HSTS_and_HTTPS_only_cookies()
    {
        using var proxy = PortalHttp.NewKestrelClient(app.BaseUrl, IPAddress.Loopback);

        var response = await proxy.SendAsync(ForwardedHttps("/akun/masuk"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no HSTS header");
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Antiforgery."));
        Assert.Contains("secure", antiforgery.Split(';').Select(part => part.Trim().ToLowerInvariant()));
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task A_client_that_is_no_known_proxy_cannot_claim_HTTPS()
    {
        using var stranger = PortalHttp.NewKestrelClient(app.BaseUrl, IPAddress.Parse("127.0.0.2"));

        var health = await stranger.SendAsync(ForwardedHttps("/sehat"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Strict-Transport-Security"), "HSTS sent over plain HTTP");

        // Over plain HTTP a production portal cannot issue its HTTPS-only cookies: it says to use HTTPS, sets no cookie.
        var signIn = await stranger.SendAsync(ForwardedHttps("/akun/masuk"));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("hanya dapat dibuka lewat HTTPS", await signIn.HtmlAsync());
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
        SecurityHeaderAssert.HasSecurityHeaders(signIn);
    }

    private static HttpRequestMessage ForwardedHttps(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "10.20.30.40");
        return request;
    }
}
