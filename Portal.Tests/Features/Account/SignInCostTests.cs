using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Features.Admin.Users;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Account;

/// <summary>
/// An unknown NIP is refused at the same cost as a known one: every attempt verifies exactly one password hash,
/// so the time to answer does not tell which NIPs have an account.
/// </summary>
public sealed class SignInCostTests(SignInCostTests.App app, ITestOutputHelper output) : IClassFixture<SignInCostTests.App>
{
    /// <summary>The portal with Identity's real password hasher, counted.</summary>
    public sealed class App : PortalAppFactory
    {
        public CountingPasswordHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IPasswordHasher<PortalUser>>();
                services.AddSingleton<IPasswordHasher<PortalUser>>(provider =>
                    Hasher.Around(new PasswordHasher<PortalUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>())));
            });
        }
    }

    public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
    {
        private IPasswordHasher<PortalUser> inner = default!;
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public CountingPasswordHasher Around(IPasswordHasher<PortalUser> real)
        {
            inner = real;
            return this;
        }

        public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private const string UnknownNip = "199001012015011099";

    [Theory]
    [InlineData(UnknownNip, "tebakan-sandi-1")]
    [InlineData(DemoPeople.FungsionalDafduk, "tebakan-sandi-2")]
    [InlineData(DemoPeople.FungsionalPdip, Portal.Data.DemoData.Password)]
    public async Task Every_sign_in_attempt_verifies_exactly_one_password(string nip, string password)
    {
        var client = app.NewClient();
        await client.GetAsync("/akun/masuk");
        var before = app.Hasher.Verifications;

        await client.SignInAsync(nip, password);

        Assert.Equal(1, app.Hasher.Verifications - before);
    }

    [Fact]
    public async Task An_attempt_on_a_deactivated_account_verifies_one_password_too()
    {
        const string nip = "198909232014021007"; // Yusuf Hakim
        var deactivated = await app.Get<UserAdministration>().SetActiveAsync(await app.IdAsync(nip), active: false, await app.IdAsync(DemoPeople.Administrator));
        Assert.True(deactivated.Succeeded, deactivated.Message);
        var before = app.Hasher.Verifications;

        var response = await app.NewClient().SignInAsync(nip);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, app.Hasher.Verifications - before);
    }

    [Fact]
    [Trait("Category", "Performance")]
    public async Task Benchmark_an_unknown_NIP_is_refused_as_slowly_as_a_wrong_password()
    {
        const int Attempts = 11;
        var known = DemoPeople.KabidPdip;
        var (unknownTimes, knownTimes) = (new List<double>(), new List<double>());
        var client = app.NewClient();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            unknownTimes.Add(await TimeAsync(() => client.SignInAsync(UnknownNip, "tebakan-sandi")));
            knownTimes.Add(await TimeAsync(() => client.SignInAsync(known, "tebakan-sandi")));
            // Stay under the lockout so every attempt on the known account checks its password.
            await ResetFailuresAsync(known);
        }

        var (unknownMedian, knownMedian) = (Median(unknownTimes), Median(knownTimes));
        output.WriteLine($"Refusal, median of {Attempts}: unknown NIP {unknownMedian:F1} ms, known NIP with a wrong password {knownMedian:F1} ms.");
        // Without the dummy verification the unknown NIP answered in a few ms against tens of ms for the hash.
        Assert.True(unknownMedian > knownMedian / 2, $"unknown {unknownMedian:F1} ms vs known {knownMedian:F1} ms");
    }

    private async Task ResetFailuresAsync(string nip)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(nip);
        await users.ResetAccessFailedCountAsync(user!);
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> attempt)
    {
        var watch = Stopwatch.StartNew();
        var response = await attempt();
        watch.Stop();
        Assert.Contains("NIP atau kata sandi salah.", await response.HtmlAsync());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
