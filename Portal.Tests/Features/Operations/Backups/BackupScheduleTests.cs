using Hangfire;
using Hangfire.Storage;
using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>The nightly backup on a real Hangfire server with its SQLite storage.</summary>
public sealed class BackupScheduleTests
{
    [Fact]
    public async Task The_backup_is_a_recurring_job_at_the_configured_office_time_and_runs_on_the_Hangfire_server()
    {
        await using var app = new BackupApp(TestInstants.Wita(2026, 11, 30, 2, 0), new Dictionary<string, string?>
        {
            ["Alerts:RunServer"] = "true",
            ["Alerts:QueuePollInterval"] = "00:00:00.2",
            ["Backups:Cron"] = "30 1 * * *",
        });
        app.CreateClient();

        var jobs = RecurringJobs(app);
        var backup = jobs[BackupSchedule.BackupId];
        Assert.Equal(("30 1 * * *", OfficeZone.Wita.Id), (backup.Cron, backup.TimeZoneId));
        Assert.Equal((typeof(BackupJob), nameof(BackupJob.RunAsync)), (backup.Job.Type, backup.Job.Method.Name));
        Assert.Equal((typeof(BackupJob), nameof(BackupJob.WatchAsync)), (jobs[BackupSchedule.WatchId].Job.Type, jobs[BackupSchedule.WatchId].Job.Method.Name));

        app.Get<IRecurringJobManager>().Trigger(BackupSchedule.BackupId);

        var monitor = app.Get<BackupMonitor>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        BackupState state;
        while ((state = await monitor.ReadAsync()).LastVerified is null)
            await Task.Delay(100, patience.Token);
        Assert.Equal(BackupReason.Scheduled, state.LastVerified.Reason);
        Assert.Equal(TestInstants.Wita(2026, 11, 30, 2, 0), state.LastVerified.TakenAt);
    }

    [Fact]
    public async Task An_invalid_cron_in_the_settings_still_backs_up_at_the_default_time()
    {
        await using var app = new BackupApp(TestInstants.Wita(2026, 11, 30, 2, 0), new Dictionary<string, string?> { ["Backups:Cron"] = "tiap malam" });
        app.CreateClient();

        Assert.Equal("0 2 * * *", RecurringJobs(app)[BackupSchedule.BackupId].Cron);
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(PortalAppFactory app)
    {
        using var connection = app.Get<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }
}
