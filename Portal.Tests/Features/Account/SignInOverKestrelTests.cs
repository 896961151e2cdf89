using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

/// <summary>Sign-in on the real Kestrel server, which refuses to send a header with characters outside ASCII.</summary>
public sealed class SignInOverKestrelTests : IClassFixture<SignInOverKestrelTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public App() => BaseUrl = StartKestrel();

        public string BaseUrl { get; }
    }

    private readonly App app;

    public SignInOverKestrelTests(App app) => this.app = app;

    [Fact]
    public async Task A_return_address_no_header_can_carry_still_signs_in_and_lands_on_the_board()
    {
        using var client = PortalHttp.NewKestrelClient(app.BaseUrl);

        var response = await client.PostFormAsync("/akun/masuk?ReturnUrl=%2F%E3%80%82evil", "signin", new Dictionary<string, string>
        {
            ["Input.Nip"] = DemoPeople.FungsionalPdip2,
            ["Input.Password"] = Portal.Data.DemoData.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery);
        var sop = await client.GetAsync("/sop");
        Assert.Equal(HttpStatusCode.OK, sop.StatusCode);
        Assert.Contains("Dewi Lestari", await sop.HtmlAsync());
    }
}
