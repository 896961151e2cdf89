using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Health;

/// <summary>Each check of /sehat failing for real: a locked database, a missed overdue scan, a full disk, a check that crashes.</summary>
public sealed class HealthChecksTests(HealthChecksTests.App app) : IClassFixture<HealthChecksTests.App>
{
    /// <summary>The job server is off here (tests run the scan themselves), so its check is not registered.</summary>
    public sealed class App() : AlertsApp(Wita(2026, 11, 2, 8), new Dictionary<string, string?>
    {
        ["Health:CacheDuration"] = "00:00:00",
        ["Health:DatabaseTimeout"] = "00:00:01",
    });

    [Fact]
    public async Task Only_the_checks_of_this_host_are_listed_each_with_an_Indonesian_title()
    {
        var answer = await app.GetHealthAsync();

        // Other features add their own checks (backups, holidays); this host runs no job server, so that check is absent.
        Assert.Superset(new HashSet<string> { "basis-data", "pemeriksaan-keterlambatan", "ruang-disk" }, answer.Checks.Keys.ToHashSet());
        Assert.DoesNotContain("tugas-latar", answer.Checks.Keys);
        Assert.Contains("\"title\":\"Basis data\"", answer.Body);
        Assert.Contains("\"title\":\"Ruang penyimpanan\"", answer.Body);
    }

    [Fact]
    public async Task Many_monitors_asking_at_once_each_get_a_health_answer_not_a_refusal()
    {
        using var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/sehat")));

        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.All(answers, answer => Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_write_lock_held_elsewhere_makes_the_database_unwritable_and_503_until_it_is_released()
    {
        Assert.Equal("Healthy", (await app.GetHealthAsync()).StatusOf("basis-data"));   // the portal has started and migrated
        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "portal.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var transaction = holder.BeginTransaction();   // BEGIN IMMEDIATE: holds the write lock

            var locked = await app.GetHealthAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.Code);
            Assert.Equal("Unhealthy", locked.StatusOf("basis-data"));
            Assert.Equal("Basis data terkunci lebih dari 1 detik: perubahan data tertahan.", locked.DescriptionOf("basis-data"));
        }

        var released = await app.GetHealthAsync();
        Assert.Equal("Healthy", released.StatusOf("basis-data"));
        Assert.Equal("Basis data dapat dibaca dan ditulis.", released.DescriptionOf("basis-data"));
    }

    [Fact]
    public async Task The_write_probe_leaves_nothing_behind()
    {
        Assert.Equal("Healthy", (await app.GetHealthAsync()).StatusOf("basis-data"));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE '%health%'";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_scan_missed_for_more_than_two_intervals_is_503_and_the_next_scan_makes_it_healthy_again()
    {
        await app.ScanAsync();
        var scanned = await app.GetHealthAsync();
        Assert.Equal("Healthy", scanned.StatusOf("pemeriksaan-keterlambatan"));
        Assert.StartsWith("Pemeriksaan keterlambatan terakhir berjalan", scanned.DescriptionOf("pemeriksaan-keterlambatan"));

        app.Clock.Advance(TimeSpan.FromMinutes(9));   // every 5 minutes: one run missed is still in time
        Assert.Equal("Healthy", (await app.GetHealthAsync()).StatusOf("pemeriksaan-keterlambatan"));

        app.Clock.Advance(TimeSpan.FromMinutes(2));   // eleven minutes: two runs missed
        var missed = await app.GetHealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, missed.Code);
        Assert.Equal("Unhealthy", missed.StatusOf("pemeriksaan-keterlambatan"));
        Assert.Contains("sudah terlewat dari jadwalnya", missed.DescriptionOf("pemeriksaan-keterlambatan"));

        await app.ScanAsync();
        var again = await app.GetHealthAsync();
        Assert.Equal(HttpStatusCode.OK, again.Code);
        Assert.Equal("Healthy", again.StatusOf("pemeriksaan-keterlambatan"));
    }
}

/// <summary>A disk below the configured minimum, and a check added by another area that crashes with a server path in its message.</summary>
public sealed class FullDiskHealthTests(FullDiskHealthTests.App app) : IClassFixture<FullDiskHealthTests.App>
{
    public const string SecretPath = "/srv/portal-data/portal.db";

    public sealed class App() : AlertsApp(Wita(2026, 11, 2, 8), new Dictionary<string, string?>
    {
        ["Health:CacheDuration"] = "00:00:00",
        ["Health:MinimumFreeDiskMegabytes"] = "2000000000",   // 2 PB: more than any test machine has free
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddHealthChecks()
                .AddCheck("cadangan-uji", (Func<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult>)(() =>
                    throw new IOException($"Could not open {SecretPath}"))));
        }
    }

    [Fact]
    public async Task Sehat_is_503_names_the_full_disk_and_shows_no_server_path_or_exception_text()
    {
        var answer = await app.GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Code);
        Assert.Equal("Unhealthy", answer.StatusOf("ruang-disk"));
        Assert.Contains("penyimpanan hampir penuh", answer.DescriptionOf("ruang-disk"));
        Assert.Equal("Unhealthy", answer.StatusOf("cadangan-uji"));
        Assert.Equal("Pemeriksaan ini gagal dijalankan; rinciannya ada di log server.", answer.DescriptionOf("cadangan-uji"));
        Assert.DoesNotContain(SecretPath, answer.Body);
        Assert.DoesNotContain("Could not open", answer.Body);
        Assert.DoesNotContain(app.DataDirectory, answer.Body);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), answer.Body);
    }

    [Fact]
    public async Task The_administrators_page_shows_every_registered_check_in_words()
    {
        var administrator = await app.SignedInClientAsync(DemoPeople.Administrator);

        var page = await (await administrator.GetAsync("/admin/kesehatan")).HtmlAsync();

        Assert.Contains("Kesehatan sistem", page);
        Assert.Contains("Ada masalah yang perlu segera ditangani pranata komputer.", page);
        foreach (var title in new[] { "Basis data", "Pemeriksaan keterlambatan", "Ruang penyimpanan", "cadangan-uji" }) Assert.Contains(title, page);
        Assert.Contains("Basis data dapat dibaca dan ditulis.", page);
        Assert.Contains("Bermasalah", page);
        Assert.DoesNotContain(SecretPath, page);
    }
}

/// <summary>A disk with less than twice the minimum free is a warning: still 200 for the monitor.</summary>
public sealed class LowDiskHealthTests(LowDiskHealthTests.App app) : IClassFixture<LowDiskHealthTests.App>
{
    public sealed class App() : AlertsApp(Wita(2026, 11, 2, 8), new Dictionary<string, string?>
    {
        ["Health:CacheDuration"] = "00:00:00",
        ["Health:MinimumFreeDiskMegabytes"] = SeventyPercentOfFreeMegabytes(),
    });

    [Fact]
    public async Task Sehat_is_200_and_degraded_when_the_disk_is_nearly_at_its_minimum()
    {
        var answer = await app.GetHealthAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Code);
        Assert.Equal("Degraded", answer.Status);
        Assert.Equal("Degraded", answer.StatusOf("ruang-disk"));
        Assert.Contains("segera kosongkan ruang", answer.DescriptionOf("ruang-disk"));
    }

    private static string SeventyPercentOfFreeMegabytes() =>
        ((long)(new DriveInfo(Path.GetTempPath()).AvailableFreeSpace * 0.7 / (1024 * 1024))).ToString();
}
