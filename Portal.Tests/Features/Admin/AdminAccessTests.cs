using System.Collections.Concurrent;
using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>Every administration page for every demo role, over HTTP with the role's real sign-in cookie.</summary>
public sealed class AdminAccessTests(AdminAccessTests.App app) : IClassFixture<AdminAccessTests.App>
{
    public sealed class App : PortalAppFactory
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> clients = new();

        public Task<HttpClient> ClientAsync(string nip) =>
            clients.GetOrAdd(nip, n => new Lazy<Task<HttpClient>>(() => this.SignedInClientAsync(n))).Value;
    }

    public enum Expect { Allowed, SignIn, Denied }

    private const string Anonymous = "";
    private static readonly string[] AdminOnly = ["/admin/pengguna", "/admin/bidang", "/admin/jabatan", "/admin/libur", "/admin/sop", "/admin/sop/impor", "/admin/pengaturan", "/admin/kantor", "/admin/audit", "/admin/kesehatan"];

    public static TheoryData<string, string, Expect> Cases()
    {
        var cases = new TheoryData<string, string, Expect>();
        var everyone = new[] { DemoPeople.Administrator, DemoPeople.KepalaDinas, DemoPeople.KabidPdip, DemoPeople.FungsionalPdip, DemoPeople.Pemantau };
        foreach (var path in AdminOnly.Append("/admin/plh"))
        {
            cases.Add(path, Anonymous, Expect.SignIn);
            foreach (var nip in everyone)
            {
                var allowed = nip == DemoPeople.Administrator || (path == "/admin/plh" && nip == DemoPeople.KepalaDinas);
                cases.Add(path, nip, allowed ? Expect.Allowed : Expect.Denied);
            }
        }
        cases.Add("/sop", Anonymous, Expect.SignIn);
        foreach (var nip in everyone) cases.Add("/sop", nip, Expect.Allowed);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_opens_only_for_its_roles(string path, string nip, Expect expected)
    {
        var client = nip == Anonymous ? app.NewClient() : await app.ClientAsync(nip);

        var response = await client.GetAsync(path);

        switch (expected)
        {
            case Expect.Allowed:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
                break;
            case Expect.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("http://localhost/akun/masuk?ReturnUrl=", response.Headers.Location!.ToString());
                break;
            case Expect.Denied:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("http://localhost/akses-ditolak", response.Headers.Location!.ToString());
                break;
        }
    }

    [Theory]
    [InlineData("/admin/pengguna/tidak-ada", "Pengguna tidak ditemukan")]
    [InlineData("/sop/versi/99", "Versi SOP tidak ditemukan")]
    public async Task An_unknown_id_in_the_address_shows_the_not_found_notice(string path, string expected)
    {
        var client = await app.ClientAsync(DemoPeople.Administrator);

        var html = await (await client.GetAsync(path)).HtmlAsync();

        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.Contains(expected, html);
    }

    [Fact]
    public async Task The_administrator_page_of_a_person_shows_their_account()
    {
        var client = await app.ClientAsync(DemoPeople.Administrator);
        var id = await app.IdAsync(DemoPeople.KabidPdip);

        var html = await (await client.GetAsync($"/admin/pengguna/{id}")).HtmlAsync();

        Assert.Contains("Nurul Hidayah", html);
        Assert.Contains(DemoPeople.KabidPdip, html);
    }
}
