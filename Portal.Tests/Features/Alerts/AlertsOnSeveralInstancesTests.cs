using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

/// <summary>
/// Two instances of the portal on one PostgreSQL database, each with a real Hangfire server on the shared job store and a
/// clock of its own, and one real SMTP server: the overdue scan, its start-up catch-up and the daily digest run once
/// across both, and nobody gets an alert or an e-mail twice.
/// </summary>
public sealed class AlertsOnSeveralInstancesTests(AlertsOnSeveralInstancesTests.TwoInstances instances)
    : IClassFixture<AlertsOnSeveralInstancesTests.TwoInstances>, IRunsOnPostgreSql
{
    /// <summary>Once a year: only a trigger or the start can run the scan in these tests, never the clock on the wall.</summary>
    private const string OnceAYear = "0 3 1 1 *";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Instance A made the database; B is a second server on it. Both run jobs; their clocks move together.</summary>
    public sealed class TwoInstances : IAsyncLifetime
    {
        private readonly LoopbackSmtp smtp = new();
        private AlertsApp? a, b;

        public AlertsApp A => a!;
        public AlertsApp B => b!;
        public LoopbackSmtp Smtp => smtp;

        public async Task InitializeAsync()
        {
            if (!TestPostgreSql.IsAvailable) return;
            smtp.Start();
            a = new AlertsApp(AlertsApp.Wita(2026, 11, 2, 8), Settings(smtp), provider: DatabaseProvider.PostgreSql);
            _ = a.Services;
            b = new AlertsApp(AlertsApp.Wita(2026, 11, 2, 8), Settings(smtp, a.SecondInstanceSettings()));
            _ = b.Services;
            await a.GiveEveryoneAnEmailAsync();
            // The first job server up queued a catch-up scan; the tests below look for the scans they ask for themselves.
            await WaitForAsync(() => ScanCountAsync(a, AlertSchedule.OverdueScanId), count => count == 1);
            await WaitUntilIdleAsync(a);
        }

        public async Task DisposeAsync()
        {
            // B first: A owns the database and drops it.
            if (b is not null) await b.DisposeAsync();
            if (a is not null) await a.DisposeAsync();
            smtp.Dispose();
        }
    }

    [ProviderFact]
    public async Task A_scan_asked_for_on_both_instances_at_the_same_moment_runs_once_and_mails_each_person_once()
    {
        var (a, b) = (instances.A, instances.B);
        var items = await LateOnThursdayAsync("Pelayanan Akta Kelahiran Keliling", 3);
        var recordsBefore = await ScanCountAsync(a, AlertSchedule.OverdueScanId);

        var jobIds = await Task.WhenAll(
            Task.Run(() => a.Get<IRecurringJobManagerV2>().TriggerJob(AlertSchedule.OverdueScanId)),
            Task.Run(() => b.Get<IRecurringJobManagerV2>().TriggerJob(AlertSchedule.OverdueScanId)));
        var results = await Task.WhenAll(jobIds.Select(id => SucceededResultAsync(a, id)));
        await WaitUntilIdleAsync(a);

        Assert.Equal(recordsBefore + 1, await ScanCountAsync(a, AlertSchedule.OverdueScanId));
        Assert.Single(results, r => r.Contains("\"Covered\":true"));
        foreach (var item in items)
        {
            Assert.Equal(
                [new Alert(2, 1, AlertLevel.Late, DemoPeople.KabidPdip), new Alert(2, 1, AlertLevel.Late, DemoPeople.FungsionalPdip)],
                (await a.AlertsAsync(item.Id)).OrderBy(x => x.Nip));
        }
        var mails = MailsAbout(items.Select(i => i.Title));
        Assert.Equal(
            items.SelectMany(i => new[] { (DemoPeople.KabidPdip, i.Title), (DemoPeople.FungsionalPdip, i.Title) }).Order(),
            mails.Select(m => (Recipient(m), ItemTitle(m))).Order());
    }

    [ProviderFact]
    public async Task The_daily_digest_asked_for_on_both_instances_at_the_same_moment_runs_once_and_mails_each_head_once()
    {
        var (a, b) = (instances.A, instances.B);
        await LateOnThursdayAsync("Rekam KTP-el di Sekolah", 2, at: TimeSpan.FromHours(7.5));
        var thursday = OfficeZone.Wita.LocalDate(a.Clock.GetUtcNow());
        var recordsBefore = await ScanCountAsync(a, AlertSchedule.DailyDigestId);

        var jobIds = await Task.WhenAll(
            Task.Run(() => a.Get<IRecurringJobManagerV2>().TriggerJob(AlertSchedule.DailyDigestId)),
            Task.Run(() => b.Get<IRecurringJobManagerV2>().TriggerJob(AlertSchedule.DailyDigestId)));
        var results = await Task.WhenAll(jobIds.Select(id => SucceededResultAsync(a, id)));
        await WaitUntilIdleAsync(a);

        Assert.Equal(recordsBefore + 1, await ScanCountAsync(a, AlertSchedule.DailyDigestId));
        Assert.Single(results, r => r.Contains("\"Covered\":true"));
        List<string> heads;
        await using (var db = a.CreateDbContext())
            heads = await db.DigestDeliveries.Where(d => d.Date == thursday).Select(d => d.Recipient!.UserName!).ToListAsync();
        Assert.Contains(DemoPeople.KabidPdip, heads);
        Assert.Contains(DemoPeople.KepalaDinas, heads);
        var digests = instances.Smtp.Received.Where(m => m.Subject == AlertTexts.DigestSubject(thursday)).ToList();
        Assert.Equal(heads.Order(), digests.Select(Recipient).Order());
    }

    [ProviderFact]
    public async Task Two_instances_starting_together_after_a_stop_catch_up_with_one_scan()
    {
        using var smtp = new LoopbackSmtp();
        smtp.Start();
        // While no job server ran: five items reached step 2 on Monday 10:00 (due Wednesday 16:00), through a web-only instance.
        await using var web = new AlertsApp(AlertsApp.Wita(2026, 11, 2, 8), Settings(smtp, runServer: false), provider: DatabaseProvider.PostgreSql);
        await web.GiveEveryoneAnEmailAsync();
        var items = new List<(int Id, string Title)>();
        web.MoveToNext(DayOfWeek.Monday, 9);
        for (var i = 1; i <= 5; i++) items.Add((await web.CreateInnovationAsync($"Layanan Jemput Bola Desa {i}"), $"Layanan Jemput Bola Desa {i}"));
        web.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var item in items) await web.MoveAsync(item.Id, DemoPeople.FungsionalPdip, WorkflowActionKind.Advance);
        var thursdayMorning = web.Clock.GetUtcNow().AddDays(3).AddHours(-2);

        // Thursday 08:00 and a minute later (two servers never start at the very same instant): both start at once.
        await using var a = new AlertsApp(thursdayMorning, Settings(smtp, web.SecondInstanceSettings()));
        await using var b = new AlertsApp(thursdayMorning.AddMinutes(1), Settings(smtp, web.SecondInstanceSettings()));
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        await WaitForAsync(() => ScanCountAsync(web, AlertSchedule.OverdueScanId), count => count >= 1);
        await WaitUntilIdleAsync(web);

        Assert.Equal(1, await ScanCountAsync(web, AlertSchedule.OverdueScanId));
        foreach (var item in items)
        {
            Assert.Equal(
                [new Alert(2, 1, AlertLevel.Late, DemoPeople.KabidPdip), new Alert(2, 1, AlertLevel.Late, DemoPeople.FungsionalPdip)],
                (await web.AlertsAsync(item.Id)).OrderBy(x => x.Nip));
        }
        var titles = items.Select(i => i.Title).ToHashSet();
        var mails = smtp.Received.Where(m => titles.Contains(ItemTitle(m))).ToList();
        Assert.Equal(
            items.SelectMany(i => new[] { (DemoPeople.KabidPdip, i.Title), (DemoPeople.FungsionalPdip, i.Title) }).Order(),
            mails.Select(m => (Recipient(m), ItemTitle(m))).Order());
    }

    /// <summary>Items of the PDIP fungsional at step 2 since next Monday 10:00 (due Wednesday 16:00); both clocks then at Thursday 08:00 (or <paramref name="at"/>).</summary>
    private async Task<List<(int Id, string Title)>> LateOnThursdayAsync(string title, int count, TimeSpan? at = null)
    {
        var a = instances.A;
        a.MoveToNext(DayOfWeek.Monday, 9);
        var items = new List<(int Id, string Title)>();
        for (var i = 1; i <= count; i++) items.Add((await a.CreateInnovationAsync($"{title} {i}"), $"{title} {i}"));
        a.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var item in items) await a.MoveAsync(item.Id, DemoPeople.FungsionalPdip, WorkflowActionKind.Advance);
        var thursday = a.Clock.GetUtcNow().AddDays(3).AddHours(-10) + (at ?? TimeSpan.FromHours(8));
        a.Clock.SetUtcNow(thursday);
        instances.B.Clock.SetUtcNow(thursday);
        return items;
    }

    private List<MimeMessage> MailsAbout(IEnumerable<string> titles)
    {
        var wanted = titles.ToHashSet();
        return instances.Smtp.Received.Where(m => wanted.Contains(ItemTitle(m))).ToList();
    }

    private static string Recipient(MimeMessage mail) => mail.To.Mailboxes.Single().Address.Split('@')[0];

    /// <summary>The item an alert e-mail is about ("[Portal Inovasi] Terlambat: {title}").</summary>
    private static string ItemTitle(MimeMessage mail) => (mail.Subject ?? "").Split(": ", 2) is [_, var title] ? title : "";

    private static Dictionary<string, string?> Settings(LoopbackSmtp smtp, IDictionary<string, string?>? database = null, bool runServer = true)
    {
        var settings = new Dictionary<string, string?>(smtp.Settings())
        {
            ["Alerts:RunServer"] = runServer ? "true" : "false",
            ["Alerts:QueuePollInterval"] = "00:00:00.2",
            ["Alerts:SchedulePollingInterval"] = "00:00:01",
            ["Settings:OverdueScanCron"] = OnceAYear,
        };
        foreach (var (key, value) in database ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    private static async Task<int> ScanCountAsync(AlertsApp app, string job)
    {
        await using var db = app.CreateDbContext();
        return await db.ScanRecords.CountAsync(r => r.Job == job);
    }

    /// <summary>The job's result (JSON) once Hangfire has stored it as succeeded.</summary>
    private static async Task<string> SucceededResultAsync(AlertsApp app, string jobId)
    {
        var monitoring = app.Get<JobStorage>().GetMonitoringApi();
        var succeeded = await WaitForAsync(() => Task.FromResult(monitoring.JobDetails(jobId).History.FirstOrDefault(h => h.StateName == "Succeeded")),
            state => state is not null);
        return succeeded!.Data.TryGetValue("Result", out var result) ? result : "";
    }

    /// <summary>Waits until the shared job store holds no job waiting, running or scheduled for a retry (the e-mails are out).</summary>
    private static Task WaitUntilIdleAsync(AlertsApp app)
    {
        var monitoring = app.Get<JobStorage>().GetMonitoringApi();
        return WaitForAsync(() => Task.FromResult(monitoring.GetStatistics()), s => s.Enqueued == 0 && s.Processing == 0 && s.Scheduled == 0);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (waited.Elapsed > Patience) throw new TimeoutException($"Still not there after {Patience.TotalSeconds} s: {value}");
            await Task.Delay(100);
        }
    }
}
