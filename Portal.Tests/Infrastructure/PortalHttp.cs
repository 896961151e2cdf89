using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Plain HTTP against the real app with real cookies: the static sign-in and account forms are posted
/// as a browser posts them (antiforgery token and form name from the rendered page).
/// </summary>
public static partial class PortalHttp
{
    public static HttpClient NewClient(this PortalAppFactory app, string baseAddress = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(baseAddress),
        });

    /// <summary>
    /// A client of the portal on its real Kestrel port (see <see cref="PortalAppFactory.StartKestrel"/>) whose connections
    /// come from this loopback address (127.0.0.1 unless given; any 127.x.y.z works on Linux), so the portal sees a real
    /// client address: a proxy it trusts, or one it does not.
    /// </summary>
    public static HttpClient NewKestrelClient(string baseUrl, IPAddress? from = null)
    {
        var source = from ?? IPAddress.Loopback;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    /// <summary>GETs the page, then posts its static form with these fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {path}.");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string nip, string password = Portal.Data.DemoData.Password) =>
        client.PostFormAsync("/akun/masuk", "signin", new Dictionary<string, string> { ["Input.Nip"] = nip, ["Input.Password"] = password });

    public static async Task<HttpClient> SignedInClientAsync(this PortalAppFactory app, string nip, string password = Portal.Data.DemoData.Password)
    {
        var client = app.NewClient();
        var response = await client.SignInAsync(nip, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {nip} failed: {response.StatusCode}.");
        return client;
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
