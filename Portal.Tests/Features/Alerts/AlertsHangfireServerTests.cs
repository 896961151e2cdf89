using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

/// <summary>The alert jobs on a real Hangfire server with its SQLite storage, polling every 200 ms.</summary>
public sealed class AlertsHangfireServerTests(AlertsHangfireServerTests.App app) : IClassFixture<AlertsHangfireServerTests.App>
{
    public sealed class App : AlertsApp, IAsyncLifetime
    {
        public App() : this(new LoopbackSmtp()) { }

        private App(LoopbackSmtp smtp) : base(Wita(2026, 11, 2, 8), ServerSettings(smtp)) => Smtp = smtp;

        public LoopbackSmtp Smtp { get; }

        public async Task InitializeAsync()
        {
            await GiveEveryoneAnEmailAsync();
            // The scan queued at start (catch-up) runs first; the tests below look for the scans they trigger themselves.
            await EventuallyAsync(async () =>
            {
                await using var db = CreateDbContext();
                return await db.ScanRecords.FirstOrDefaultAsync(r => r.Job == AlertSchedule.OverdueScanId);
            });
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            Smtp.Dispose();
            return Task.CompletedTask;
        }

        private static Dictionary<string, string?> ServerSettings(LoopbackSmtp smtp) => new(smtp.Settings())
        {
            ["Alerts:RunServer"] = "true",
            ["Alerts:QueuePollInterval"] = "00:00:00.2",
            ["Alerts:SchedulePollingInterval"] = "00:00:01",
        };
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_recurring_jobs_are_registered_under_fixed_ids_with_their_cron_in_WITA_in_an_own_database_file()
    {
        var jobs = RecurringJobs();

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "hangfire.db")));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "portal.db")));

        var scan = jobs[AlertSchedule.OverdueScanId];
        Assert.Equal("*/5 * * * *", scan.Cron);
        Assert.Equal(OfficeZone.Wita.Id, scan.TimeZoneId);
        Assert.Equal((typeof(OverdueScanJob), nameof(OverdueScanJob.RunScheduledAsync)), (scan.Job.Type, scan.Job.Method.Name));
        Assert.NotNull(scan.NextExecution);

        var digest = jobs[AlertSchedule.DailyDigestId];
        Assert.Equal(AlertSchedule.DailyDigestCron, digest.Cron);
        Assert.Equal(OfficeZone.Wita.Id, digest.TimeZoneId);
        Assert.Equal(typeof(DailyDigestJob), digest.Job.Type);
    }

    [Fact]
    public async Task Changing_the_cron_setting_moves_the_scan_and_an_invalid_cron_leaves_it_where_it_was()
    {
        var store = app.Get<SettingsStore>();
        var original = await store.GetAsync();
        try
        {
            await SaveCronAsync("0 */2 * * *");
            Assert.Equal("0 */2 * * *", RecurringJobs()[AlertSchedule.OverdueScanId].Cron);

            await SaveCronAsync("setiap lima menit");
            Assert.Equal("0 */2 * * *", RecurringJobs()[AlertSchedule.OverdueScanId].Cron);
        }
        finally
        {
            await SaveCronAsync(original.OverdueScanCron);
        }
        Assert.Equal(original.OverdueScanCron, RecurringJobs()[AlertSchedule.OverdueScanId].Cron);

        async Task SaveCronAsync(string cron)
        {
            var settings = await store.GetAsync();
            settings.OverdueScanCron = cron;
            await store.SaveAsync(settings, "test", "Admin Portal", app.Clock.GetUtcNow());
        }
    }

    [Fact]
    public async Task A_triggered_scan_runs_on_the_server_records_itself_and_its_emails_go_out()
    {
        app.Smtp.Start();
        var id = await app.StepTwoFromNextMondayAsync("Layanan Dokumen Kependudukan Terpadu RSUD");
        app.Clock.Advance(TimeSpan.FromDays(3));
        var recordsBefore = await ScanRecordIdsAsync();

        app.Get<IRecurringJobManager>().Trigger(AlertSchedule.OverdueScanId);

        var record = await EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.ScanRecords.Where(r => r.Job == AlertSchedule.OverdueScanId && !recordsBefore.Contains(r.Id)).FirstOrDefaultAsync();
        });
        Assert.Equal(0, record.Failures);
        Assert.True(record.AlertsCreated >= 2);
        Assert.Equal(
            [DemoPeople.KabidPdip, DemoPeople.FungsionalPdip],
            (await app.AlertsAsync(id)).Select(a => a.Nip).Order());

        var mails = await app.Smtp.WaitForAsync(m => m.Subject == "[Portal Inovasi] Terlambat: Layanan Dokumen Kependudukan Terpadu RSUD", count: 2, timeoutSeconds: 60);
        Assert.Equal(
            [$"{DemoPeople.KabidPdip}@paserkab.go.id", $"{DemoPeople.FungsionalPdip}@paserkab.go.id"],
            mails.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task A_failed_email_is_scheduled_for_a_retry_by_Hangfire_and_sent_once_the_server_is_back()
    {
        app.Smtp.Stop();
        var id = await app.StepTwoFromNextMondayAsync("Pencetakan KIA di Posyandu");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.ScanAsync();
        var proposer = await app.IdAsync(DemoPeople.FungsionalPdip);
        long notificationId;
        await using (var db = app.CreateDbContext())
        {
            notificationId = await db.Notifications.Where(n => n.InnovationId == id && n.RecipientId == proposer).Select(n => n.Id).SingleAsync();
        }

        var monitoring = app.Get<JobStorage>().GetMonitoringApi();
        var jobId = await EventuallyAsync(() => Task.FromResult(monitoring.ScheduledJobs(0, 10_000)
            .Where(j => j.Value.Job?.Method.Name == nameof(AlertMailJob.SendNotificationAsync) && (long)j.Value.Job.Args[0] == notificationId)
            .Select(j => j.Key)
            .FirstOrDefault()));
        Assert.Contains(monitoring.JobDetails(jobId).History, h => h.StateName == "Scheduled" && (h.Reason ?? "").StartsWith("Retry attempt 1 of"));
        Assert.DoesNotContain(app.Smtp.To(DemoPeople.FungsionalPdip), m => (m.Subject ?? "").Contains("Pencetakan KIA di Posyandu"));

        app.Smtp.Start();
        app.Get<IBackgroundJobClient>().Requeue(jobId);

        Assert.Single(await app.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("Pencetakan KIA di Posyandu")
            && m.To.Mailboxes.Any(a => a.Address.StartsWith(DemoPeople.FungsionalPdip)), timeoutSeconds: 60));
        await EventuallyAsync(() => Task.FromResult(monitoring.JobDetails(jobId).History.FirstOrDefault(h => h.StateName == "Succeeded")));
    }

    private Dictionary<string, RecurringJobDto> RecurringJobs()
    {
        using var connection = app.Get<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    private async Task<List<long>> ScanRecordIdsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.ScanRecords.Select(r => r.Id).ToListAsync();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value) return value;
            if (waited.Elapsed > Patience) throw new TimeoutException($"Nothing after {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
