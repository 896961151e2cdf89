using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

/// <summary>
/// "Ingat saya": a phone that closes the portal (an installed app is closed often) stays signed in when it was ticked,
/// and forgets the sign-in with the browser when it was not. Read from the cookie's own Expires attribute, with the
/// cookies carried by hand so that the machine's clock (which a cookie jar would compare with) plays no part.
/// </summary>
public sealed partial class RememberMeTests(RememberMeTests.App app) : IClassFixture<RememberMeTests.App>
{
    public sealed class App() : PortalAppFactory(new TestClock(TestInstants.OrdinaryWednesday))
    {
        public TestClock Clock => (TestClock)Get<TimeProvider>();
    }

    private const string SignInCookie = "portal-inovasi";

    [Fact]
    public async Task Ticked_the_sign_in_cookie_is_kept_for_fourteen_days_and_each_visit_renews_it()
    {
        app.Clock.Now = TestInstants.OrdinaryWednesday;
        using var client = NewClient();

        var (signIn, cookies) = await SignInAsync(client, DemoPeople.KepalaDinas, rememberMe: true);

        var issued = SignInCookieOf(signIn);
        Assert.Equal(TestInstants.OrdinaryWednesday.AddDays(14), ExpiresOf(issued));

        // Three days later the app is opened again: still signed in, and the fourteen days count from now.
        app.Clock.Now = TestInstants.OrdinaryWednesday.AddDays(3);
        var later = await GetAsync(client, "/sop", cookies);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Contains("Rahmawati Saleh", await later.HtmlAsync());
        Assert.Equal(TestInstants.OrdinaryWednesday.AddDays(17), ExpiresOf(SignInCookieOf(later)));
    }

    [Fact]
    public async Task Not_ticked_the_sign_in_cookie_ends_with_the_browser()
    {
        app.Clock.Now = TestInstants.OrdinaryWednesday;
        using var client = NewClient();

        var (signIn, cookies) = await SignInAsync(client, DemoPeople.KabidPdip, rememberMe: false);

        var issued = SignInCookieOf(signIn);
        Assert.Null(ExpiresOf(issued));
        Assert.DoesNotContain("max-age", issued, StringComparison.OrdinalIgnoreCase);
        // An hour later, still in the same browser: the renewed cookie again ends with the browser.
        app.Clock.Now = TestInstants.OrdinaryWednesday.AddHours(1);
        var page = await GetAsync(client, "/sop", cookies);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(ExpiresOf(SignInCookieOf(page)));
    }

    [Fact]
    public async Task The_sign_in_page_offers_ingat_saya_for_this_device()
    {
        using var client = NewClient();

        var page = await client.GetAsync("/akun/masuk");

        var html = await page.HtmlAsync();
        Assert.Contains("Ingat saya di perangkat ini", html);
        Assert.Matches("type=\"checkbox\"[^>]*name=\"Input.RememberMe\"|name=\"Input.RememberMe\"[^>]*type=\"checkbox\"", html);
    }

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<(HttpResponseMessage Response, Dictionary<string, string> Cookies)> SignInAsync(HttpClient client, string nip, bool rememberMe)
    {
        var cookies = new Dictionary<string, string>();
        var form = await GetAsync(client, "/akun/masuk", cookies);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync());
        Assert.True(token.Success, "no antiforgery token on the sign-in page");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "signin",
            ["Input.Nip"] = nip,
            ["Input.Password"] = Portal.Data.DemoData.Password,
        };
        if (rememberMe) fields["Input.RememberMe"] = "true";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/akun/masuk") { Content = new FormUrlEncodedContent(fields) };
        var response = await SendAsync(client, request, cookies);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response, cookies);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, Dictionary<string, string> cookies) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path), cookies);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, Dictionary<string, string> cookies)
    {
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
        return response;
    }

    private static string SignInCookieOf(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var values), "the response set no cookie");
        return Assert.Single(values, value => value.StartsWith(SignInCookie + "="));
    }

    private static DateTimeOffset? ExpiresOf(string setCookie) =>
        setCookie.Split(';').Select(part => part.Trim()).FirstOrDefault(part => part.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)) is { } expires
            ? DateTimeOffset.Parse(expires["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
