using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Admin.Users;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

/// <summary>
/// On SQLite also what the sign-in and password forms decide before they store anything (the return address, the
/// password rules, the form token): the same on either provider.
/// </summary>
public sealed class AccountHttpOnSqliteTests(AccountHttpOnSqliteTests.App app) : AccountHttpTests(app), IClassFixture<AccountHttpOnSqliteTests.App>
{
    public sealed class App() : PortalAppFactory();

    [Theory]
    [InlineData("%2Fsop", "/sop")]
    [InlineData("%2Finovasi%3Fcari%3Dakta", "/inovasi?cari=akta")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("%2F%2Fevil.example", "/")]
    [InlineData("%2F%5Cevil.example", "/")]
    [InlineData("%2Fsop%0D%0ASet-Cookie%3Ax", "/")]
    [InlineData("javascript%3Aalert(1)", "/")]
    [InlineData("%2F%E3%80%82evil", "/")]
    public async Task After_signing_in_only_a_local_path_is_followed(string encodedReturnUrl, string expected)
    {
        var client = Demo.NewClient();

        var response = await client.PostFormAsync($"/akun/masuk?ReturnUrl={encodedReturnUrl}", "signin", new Dictionary<string, string>
        {
            ["Input.Nip"] = DemoPeople.FungsionalPdip2,
            ["Input.Password"] = Portal.Data.DemoData.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"left the site: {location}");
        Assert.Equal(expected, new Uri(client.BaseAddress!, location).PathAndQuery);
    }

    [Fact]
    public async Task Signing_out_without_the_form_token_is_refused_and_the_session_stays()
    {
        var client = await Demo.SignedInClientAsync(DemoPeople.KabidPdip);

        var forged = await client.PostAsync("/akun/keluar", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Permintaan keluar tidak sah", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sop")).StatusCode);
    }

    [Theory]
    [InlineData("salah-sandi-lama", "sandi baru yang panjang", "sandi baru yang panjang", "Kata sandi saat ini salah.")]
    [InlineData(Portal.Data.DemoData.Password, "pendek", "pendek", "Kata sandi baru minimal 10 karakter.")]
    [InlineData(Portal.Data.DemoData.Password, "sandi baru yang panjang", "sandi lain yang panjang", "Ulangan kata sandi baru tidak sama.")]
    [InlineData(Portal.Data.DemoData.Password, Portal.Data.DemoData.Password, Portal.Data.DemoData.Password, "harus berbeda dari kata sandi saat ini")]
    [InlineData(Portal.Data.DemoData.Password, "aaaaaaaaaaaa", "aaaaaaaaaaaa", "sedikitnya 4 karakter yang berbeda")]
    [InlineData(Portal.Data.DemoData.Password, "password123", "password123", "paling sering dipakai orang")]
    [InlineData(Portal.Data.DemoData.Password, "abcdefghijkl", "abcdefghijkl", "hanya urutan atau pengulangan")]
    [InlineData(Portal.Data.DemoData.Password, "kopi-19950228", "kopi-19950228", "tidak boleh memuat NIP atau tanggal lahir")]
    [InlineData(Portal.Data.DemoData.Password, "AndiWijaya!2025", "AndiWijaya!2025", "tidak boleh dibentuk dari nama")]
    public async Task A_bad_password_change_is_refused_with_a_message_and_the_old_password_still_works(
        string current, string newPassword, string confirm, string expected)
    {
        const string nip = "199502282022031004"; // Andi Wijaya
        var client = await Demo.SignedInClientAsync(nip);

        var response = await client.PostFormAsync("/akun/ganti-sandi", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = confirm,
        });

        Assert.Contains(expected, await response.HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Demo.NewClient().SignInAsync(nip)).StatusCode);
    }
}

public sealed class AccountHttpOnPostgreSqlTests(AccountHttpOnPostgreSqlTests.App app)
    : AccountHttpTests(app), IClassFixture<AccountHttpOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PortalAppFactory(provider: DatabaseProvider.PostgreSql);
}

/// <summary>Sign-in, lockout, unlock, deactivation and password changes over real HTTP with real cookies.</summary>
public abstract class AccountHttpTests(PortalAppFactory app)
{
    /// <summary>The portal, for the subclass's own tests.</summary>
    protected PortalAppFactory Demo => app;


    private UserAdministration Administration => app.Get<UserAdministration>();

    [ProviderFact]
    public async Task The_right_password_signs_in_and_opens_pages()
    {
        var client = app.NewClient();

        var response = await client.SignInAsync(DemoPeople.FungsionalPdip);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        var sop = await client.GetAsync("/sop");
        Assert.Equal(HttpStatusCode.OK, sop.StatusCode);
        Assert.Contains("Rizky Ramadhan", await sop.HtmlAsync());
    }

    [ProviderFact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        var client = app.NewClient();

        var response = await client.SignInAsync(DemoPeople.FungsionalDafduk, "bukan-kata-sandinya");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIP atau kata sandi salah.", await response.HtmlAsync());
        var sop = await client.GetAsync("/sop");
        Assert.Equal(HttpStatusCode.Redirect, sop.StatusCode);
        Assert.StartsWith("http://localhost/akun/masuk", sop.Headers.Location!.ToString());
    }

    [ProviderFact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it()
    {
        const string nip = DemoPeople.KabidDafduk;
        var client = app.NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Contains("NIP atau kata sandi salah.", await (await client.SignInAsync(nip, $"salah-ke-{attempt}")).HtmlAsync());

        var fifth = await (await client.SignInAsync(nip, "salah-ke-5")).HtmlAsync();
        Assert.Contains("Akun terkunci karena 5 kali gagal masuk", fifth);
        Assert.Contains("minta Administrator membukanya", fifth);

        var rightPasswordWhileLocked = await client.SignInAsync(nip);
        Assert.Equal(HttpStatusCode.OK, rightPasswordWhileLocked.StatusCode);
        Assert.Contains("Akun terkunci", await rightPasswordWhileLocked.HtmlAsync());

        var userId = await app.IdAsync(nip);
        var unlocked = await Administration.UnlockAsync(userId, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(unlocked.Succeeded, unlocked.Message);

        var afterUnlock = await client.SignInAsync(nip);
        Assert.Equal(HttpStatusCode.Redirect, afterUnlock.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditActions.LockedOut).Select(a => a.ActorId).ToListAsync(), id => id == userId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserUnlocked && a.Detail!.Contains(nip)));
    }

    [ProviderFact]
    public async Task A_deactivated_account_is_refused_like_a_wrong_password_and_its_open_session_ends()
    {
        const string nip = "199106142017082002"; // Maya Sari
        var openSession = await app.SignedInClientAsync(nip);
        Assert.Equal(HttpStatusCode.OK, (await openSession.GetAsync("/sop")).StatusCode);

        var result = await Administration.SetActiveAsync(await app.IdAsync(nip), active: false, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(result.Succeeded, result.Message);

        var afterDeactivation = await openSession.GetAsync("/sop");
        Assert.Equal(HttpStatusCode.Redirect, afterDeactivation.StatusCode);
        Assert.Contains("/akun/masuk", afterDeactivation.Headers.Location!.ToString());
        // Whoever tries the account learns nothing from the answer, not even whether the password was right.
        var rightPassword = await app.NewClient().SignInAsync(nip);
        var wrongPassword = await app.NewClient().SignInAsync(nip, "tebakan-sandi");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (rightPassword.StatusCode, wrongPassword.StatusCode));
        Assert.Equal("NIP atau kata sandi salah.", SignInError(await rightPassword.HtmlAsync()));
        Assert.Equal("NIP atau kata sandi salah.", SignInError(await wrongPassword.HtmlAsync()));
        Assert.DoesNotContain("nonaktif", await rightPassword.HtmlAsync());
    }

    [ProviderFact]
    public async Task Every_attempt_on_a_deactivated_account_counts_towards_its_lockout_right_password_or_not()
    {
        const string nip = "198107082006042001"; // Siti Aminah
        var userId = await app.IdAsync(nip);
        var result = await Administration.SetActiveAsync(userId, active: false, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(result.Succeeded, result.Message);
        var client = app.NewClient();

        string[] attempts = [Portal.Data.DemoData.Password, "salah-ke-dua", Portal.Data.DemoData.Password, "salah-ke-empat"];
        foreach (var password in attempts)
            Assert.Equal("NIP atau kata sandi salah.", SignInError(await (await client.SignInAsync(nip, password)).HtmlAsync()));
        var fifth = SignInError(await (await client.SignInAsync(nip)).HtmlAsync());

        Assert.StartsWith("Akun terkunci karena 5 kali gagal masuk", fifth);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.ActorId == userId).Select(a => new { a.Action, a.Detail, a.At }).ToListAsync();
        Assert.Equal(4, audit.Count(a => a.Action == AuditActions.SignInFailed && a.Detail == "Akun nonaktif"));
        var lockedOut = Assert.Single(audit, a => a.Action == AuditActions.LockedOut);
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.SignIn);
        var lockedFor = (await app.UserAsync(nip)).LockoutEnd - lockedOut.At;
        Assert.InRange(lockedFor!.Value, TimeSpan.FromMinutes(14.9), TimeSpan.FromMinutes(15));
    }

    [ProviderFact]
    public async Task A_reset_password_works_once_and_must_be_replaced_before_any_page_opens()
    {
        const string nip = "198909232014021007"; // Yusuf Hakim
        var reset = await Administration.ResetPasswordAsync(await app.IdAsync(nip), await app.IdAsync(DemoPeople.Administrator));
        Assert.True(reset.Succeeded, reset.Message);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().SignInAsync(nip)).StatusCode);

        var client = await app.SignedInClientAsync(nip, reset.OneTimePassword!);
        var gate = await client.GetAsync("/sop");
        Assert.Equal(HttpStatusCode.Redirect, gate.StatusCode);
        Assert.Equal("/akun/ganti-sandi", gate.Headers.Location!.OriginalString);
        Assert.Contains("kata sandi sementara", await (await client.GetAsync("/akun/ganti-sandi")).HtmlAsync());

        var changed = await client.PostFormAsync("/akun/ganti-sandi", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = reset.OneTimePassword!,
            ["Input.NewPassword"] = "kopi susu pagi hari",
            ["Input.ConfirmPassword"] = "kopi susu pagi hari",
        });
        Assert.Contains("Kata sandi sudah diganti", await changed.HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sop")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().SignInAsync(nip, "kopi susu pagi hari")).StatusCode);
        Assert.False((await app.UserAsync(nip)).MustChangePassword);
    }

    /// <summary>The text of the sign-in page's error box, or "" when there is none.</summary>
    protected static string SignInError(string html)
    {
        var box = html.IndexOf("data-testid=\"signin-error\"", StringComparison.Ordinal);
        return box < 0 ? "" : System.Text.RegularExpressions.Regex.Match(html[box..], "class=\"mud-alert-message\"[^>]*>([^<]*)<").Groups[1].Value.Trim();
    }
}
