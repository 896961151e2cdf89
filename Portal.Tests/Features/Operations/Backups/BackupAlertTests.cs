using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Features.Alerts;
using Portal.Features.Operations.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>A failed backup, or none in 26 hours, is an alert to the administrators that a good backup resolves; /sehat says the same.</summary>
public sealed class BackupAlertTests
{
    private static readonly DateTimeOffset Installed = TestInstants.Wita(2026, 11, 30, 2, 0);

    [Fact]
    public async Task A_failed_backup_alerts_each_administrator_once_and_the_next_good_backup_resolves_it()
    {
        var folder = PortalAppFactory.NewDataDirectory() + "-cadangan";
        await using var app = new BackupApp(Installed, new Dictionary<string, string?> { ["Backups:Folder"] = folder });
        var administrator = await app.IdAsync(DemoPeople.Administrator);
        var kepalaDinas = await app.IdAsync(DemoPeople.KepalaDinas);
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        await File.WriteAllTextAsync(folder, "bukan folder: share belum terpasang");
        try
        {
            var first = await app.Get<BackupJob>().TakeAsync(BackupReason.Scheduled);
            app.Clock.Now += TimeSpan.FromDays(1);
            var second = await app.Get<BackupJob>().TakeAsync(BackupReason.Scheduled);

            Assert.False(first.Succeeded || second.Succeeded);
            var alerts = await SystemNotificationsAsync(app, administrator);
            var alert = Assert.Single(alerts);
            Assert.Equal("Sistem portal: Pencadangan gagal", alert.Title);
            Assert.Equal(first.Message, alert.Message);
            Assert.DoesNotContain(folder, alert.Message);
            Assert.Equal(BackupJob.PageLink, alert.Link);
            Assert.Empty(await SystemNotificationsAsync(app, kepalaDinas));
            Assert.Contains(BackupTexts.FailedAlertKey, await app.Get<SystemAlerts>().OpenKeysAsync());

            File.Delete(folder);
            app.Clock.Now += TimeSpan.FromDays(1);
            var good = await app.Get<BackupJob>().TakeAsync(BackupReason.Scheduled);

            Assert.True(good.Succeeded, good.Message);
            Assert.DoesNotContain(BackupTexts.FailedAlertKey, await app.Get<SystemAlerts>().OpenKeysAsync());
            Assert.Single(await SystemNotificationsAsync(app, administrator));
        }
        finally
        {
            if (File.Exists(folder)) File.Delete(folder);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task No_verified_backup_for_26_hours_alerts_and_fails_the_health_check_until_a_good_backup_comes()
    {
        await using var app = new BackupApp(Installed);
        var administrator = await app.IdAsync(DemoPeople.Administrator);
        var job = app.Get<BackupJob>();

        // A new installation waits for its first night.
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(app)).Status);
        app.Clock.Now = Installed + TimeSpan.FromHours(25);
        await job.WatchAsync(CancellationToken.None);
        Assert.Empty(await SystemNotificationsAsync(app, administrator));

        app.Clock.Now = Installed + TimeSpan.FromHours(27);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(app)).Status);
        await job.WatchAsync(CancellationToken.None);
        await job.WatchAsync(CancellationToken.None);
        var missing = Assert.Single(await SystemNotificationsAsync(app, administrator));
        Assert.Equal("Sistem portal: Tidak ada cadangan terbaru", missing.Title);

        Assert.True((await job.TakeAsync(BackupReason.Manual)).Succeeded);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(app)).Status);
        Assert.Empty(await app.Get<SystemAlerts>().OpenKeysAsync());

        app.Clock.Now += TimeSpan.FromHours(25.9);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(app)).Status);
        app.Clock.Now += TimeSpan.FromHours(0.2);
        var late = await CheckAsync(app);
        Assert.Equal(HealthStatus.Unhealthy, late.Status);
        Assert.Contains("lebih tua dari 26 jam", late.Description);
        await job.WatchAsync(CancellationToken.None);
        Assert.Equal(2, (await SystemNotificationsAsync(app, administrator)).Count);
    }

    private static async Task<HealthReportEntry> CheckAsync(PortalAppFactory app) =>
        (await app.Get<HealthCheckService>().CheckHealthAsync(r => r.Name == BackupHealthCheck.Name)).Entries[BackupHealthCheck.Name];

    private static async Task<List<(string Title, string Message, string? Link)>> SystemNotificationsAsync(PortalAppFactory app, string userId)
    {
        await using var db = app.CreateDbContext();
        return (await db.Notifications.Where(n => n.RecipientId == userId && n.SystemAlertId != null)
                .OrderBy(n => n.Id).Select(n => new { n.Title, n.Message, n.SystemAlert!.Link }).ToListAsync())
            .Select(n => (n.Title, n.Message, n.Link)).ToList();
    }
}
