using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Security;

/// <summary>Every response of the real Kestrel server carries the security headers and no Server header.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.App app) : IClassFixture<SecurityHeadersTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public App() => BaseUrl = StartKestrel();

        public string BaseUrl { get; }
    }

    [Theory]
    [InlineData("GET", "/akun/masuk", HttpStatusCode.OK)]                      // a static page
    [InlineData("GET", "/", HttpStatusCode.OK)]                                // the board, signed in
    [InlineData("GET", "/app.css", HttpStatusCode.OK)]                         // a static file
    [InlineData("GET", "/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("GET", "/sehat", HttpStatusCode.OK)]                           // an endpoint
    [InlineData("GET", "/lampiran/5d7c3c4e-0000-4000-8000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("GET", "/halaman-yang-tidak-ada", HttpStatusCode.NotFound)]    // the not-found page
    [InlineData("POST", "/akun/keluar", HttpStatusCode.BadRequest)]            // no antiforgery token
    public async Task Every_response_carries_the_security_headers(string method, string path, HttpStatusCode expected)
    {
        using var client = PortalHttp.NewKestrelClient(app.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(DemoPeople.KabidPdip)).StatusCode);

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new FormUrlEncodedContent([]);
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task The_sign_in_answer_that_redirects_carries_them_too()
    {
        using var client = PortalHttp.NewKestrelClient(app.BaseUrl);

        var response = await client.SignInAsync(DemoPeople.KabidPdip);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }
}

/// <summary>What every response must carry: a strict script policy, nosniff, a referrer policy, and no Server header.</summary>
public static class SecurityHeaderAssert
{
    public static void HasSecurityHeaders(HttpResponseMessage response)
    {
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.TryGetValues("Server", out var server) ? server : [])}");
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));

        var policy = Single(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'self'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["default-src"]);
    }

    private static string Single(HttpResponseMessage response, string header)
    {
        var values = response.Headers.TryGetValues(header, out var general) ? general
            : response.Content.Headers.TryGetValues(header, out var content) ? content : [];
        return Assert.Single(values);
    }
}
