using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>An HTTP client signed in through the real sign-in form (antiforgery token and cookie included).</summary>
public static partial class SignedInClient
{
    public static async Task<HttpClient> SignedInClientAsync(this PortalAppFactory app, string nip)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/akun/masuk");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Nip"] = nip;
        fields["Input.Password"] = Portal.Data.DemoData.Password;

        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out _))
            throw new InvalidOperationException($"Sign-in as {nip} failed: {(int)response.StatusCode}.");
        return client;
    }

    [GeneratedRegex(""""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"""")]
    private static partial Regex HiddenInput();
}
