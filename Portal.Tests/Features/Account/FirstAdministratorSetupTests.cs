using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Account;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

public sealed class FirstAdministratorSetupOnSqliteTests(FirstAdministratorSetupOnSqliteTests.ProductionApp app)
    : FirstAdministratorSetupTests(app), IClassFixture<FirstAdministratorSetupOnSqliteTests.ProductionApp>
{
    public sealed class ProductionApp() : PortalAppFactory(environment: "Production");
}

public sealed class FirstAdministratorSetupOnPostgreSqlTests(FirstAdministratorSetupOnPostgreSqlTests.ProductionApp app)
    : FirstAdministratorSetupTests(app), IClassFixture<FirstAdministratorSetupOnPostgreSqlTests.ProductionApp>, IRunsOnPostgreSql
{
    public sealed class ProductionApp() : PortalAppFactory(environment: "Production", provider: DatabaseProvider.PostgreSql);
}

/// <summary>A fresh production install: no demo people, no administrator, a one-time setup link.</summary>
public abstract class FirstAdministratorSetupTests(PortalAppFactory app)
{

    private const string Nip = "198806152012121002";

    [ProviderFact]
    public async Task The_setup_link_creates_the_first_administrator_once_and_then_answers_404_for_good()
    {
        // Production cookies are HTTPS-only.
        var client = app.NewClient("https://localhost");
        var setup = app.Get<FirstAdministratorSetup>();
        // Printed at start, and kept in the data folder for a service without a console; never in the log files.
        Assert.Contains($"{FirstAdministratorSetup.Path}?token=", await File.ReadAllTextAsync(setup.LinkFile));
        Assert.DoesNotContain("token=", string.Concat(Directory.GetFiles(Path.Combine(app.DataDirectory, "log")).Select(ReadShared)));
        var token = await setup.IssueTokenAsync();
        Assert.NotNull(token);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FirstAdministratorSetup.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{FirstAdministratorSetup.Path}?token=tebakan")).StatusCode);
        var form = await client.GetAsync($"{FirstAdministratorSetup.Path}?token={token}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Penyiapan Administrator pertama", await form.HtmlAsync());

        var invalid = await client.PostFormAsync($"{FirstAdministratorSetup.Path}?token={token}", "setup", Fields("12345", "kata sandi pertama"));
        Assert.Contains("NIP terdiri dari 18 angka.", await invalid.HtmlAsync());
        var mismatch = await client.PostFormAsync($"{FirstAdministratorSetup.Path}?token={token}", "setup", Fields(Nip, "kata sandi pertama", "kata sandi lain"));
        Assert.Contains("Ulangan kata sandi tidak sama.", await mismatch.HtmlAsync());
        var weak = await client.PostFormAsync($"{FirstAdministratorSetup.Path}?token={token}", "setup", Fields(Nip, "pendek"));
        Assert.Contains("Kata sandi minimal 10 karakter.", await weak.HtmlAsync());
        var common = await client.PostFormAsync($"{FirstAdministratorSetup.Path}?token={token}", "setup", Fields(Nip, "password1234"));
        Assert.Contains("paling sering dipakai orang", await common.HtmlAsync());
        var fromName = await client.PostFormAsync($"{FirstAdministratorSetup.Path}?token={token}", "setup", Fields(Nip, "SriWahyuni2026"));
        Assert.Contains("tidak boleh dibentuk dari nama", await fromName.HtmlAsync());
        await using (var db = app.CreateDbContext())
            Assert.False(await db.Users.AnyAsync());

        var created = await client.PostFormAsync($"{FirstAdministratorSetup.Path}?token={token}", "setup", Fields(Nip, "kata sandi pertama"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.EndsWith("/admin/pengguna", created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/pengguna")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient("https://localhost").GetAsync($"{FirstAdministratorSetup.Path}?token={token}")).StatusCode);
        Assert.Null(await setup.IssueTokenAsync());
        Assert.False(File.Exists(setup.LinkFile));
        await using var after = app.CreateDbContext();
        var administrator = await after.Users.SingleAsync();
        Assert.Equal(("Ir. Sri Wahyuni", false), (administrator.FullName, administrator.MustChangePassword));
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == AuditActions.FirstAdministrator && a.ActorId == administrator.Id));
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    private static Dictionary<string, string> Fields(string nip, string password, string? confirm = null) => new()
    {
        ["Input.Nip"] = nip,
        ["Input.FullName"] = "Ir. Sri Wahyuni",
        ["Input.Jabatan"] = "Pranata Komputer Ahli Muda",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };
}
