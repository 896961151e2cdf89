using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.AlertLevel;

namespace Portal.Tests.Features.Alerts;

/// <summary>
/// After a restart or a power cut the overdue scan runs at once on the real Hangfire server, not at the next cron
/// tick, and starting again alerts nobody twice. The cron is set to once a year, so only the start can run the scan.
/// </summary>
public sealed class CatchUpAtStartTests
{
    private const string OnceAYear = "0 3 1 1 *";

    [Fact]
    public async Task A_fresh_start_alerts_five_late_steps_at_once_and_a_second_start_repeats_no_alert()
    {
        var data = PortalAppFactory.NewDataDirectory();
        try
        {
            // While the portal was down: five innovations reached step 2 on Monday 10:00 (due Wednesday 16:00).
            List<int> innovations = [];
            DateTimeOffset thursdayMorning;
            await using (var before = new AlertsApp(AlertsApp.Wita(2026, 11, 2, 8), Settings(runServer: false), data))
            {
                before.MoveToNext(DayOfWeek.Monday, 9);
                for (var i = 1; i <= 5; i++) innovations.Add(await before.CreateInnovationAsync($"Layanan Jemput Bola Desa {i}"));
                before.Clock.Advance(TimeSpan.FromHours(1));
                foreach (var id in innovations) await before.MoveAsync(id, DemoPeople.FungsionalPdip, WorkflowActionKind.Advance);
                thursdayMorning = before.Clock.GetUtcNow().AddDays(3).AddHours(-2);
                Assert.Empty(await AlertsOfAsync(before, innovations));
            }

            // Thursday 08:00: the portal starts (one working day late for all five) and alerts without waiting for the cron.
            List<(int Innovation, Alert Alert)> afterFirstStart;
            await using (var first = new AlertsApp(thursdayMorning, Settings(runServer: true), data))
            {
                afterFirstStart = await WaitForAsync(() => AlertsOfAsync(first, innovations), alerts => alerts.Count == 10);
                Assert.All(innovations, id => Assert.Equal(
                    [new Alert(2, 1, Late, DemoPeople.KabidPdip), new Alert(2, 1, Late, DemoPeople.FungsionalPdip)],   // by NIP
                    afterFirstStart.Where(a => a.Innovation == id).Select(a => a.Alert).OrderBy(a => a.Nip)));
                // The scan stores its record after the alerts: wait for it too.
                Assert.Equal(1, await WaitForAsync(() => ScanCountAsync(first), count => count >= 1));
            }

            // Started again at the same instant: the scan runs again, and nobody is alerted twice.
            await using (var second = new AlertsApp(thursdayMorning, Settings(runServer: true), data))
            {
                await WaitForAsync(() => ScanCountAsync(second), count => count == 2);
                Assert.Equal(afterFirstStart, await AlertsOfAsync(second, innovations));
                await using var db = second.CreateDbContext();
                var latest = await db.ScanRecords.Where(r => r.Job == AlertSchedule.OverdueScanId).OrderByDescending(r => r.Id).FirstAsync();
                Assert.Equal((0, 0), (latest.AlertsCreated, latest.Failures));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background thread; the temp folder is cleaned by the OS.
            }
        }
    }

    private static Dictionary<string, string?> Settings(bool runServer) => new()
    {
        ["Alerts:RunServer"] = runServer ? "true" : "false",
        ["Alerts:QueuePollInterval"] = "00:00:00.2",
        ["Settings:OverdueScanCron"] = OnceAYear,
    };

    private static async Task<List<(int Innovation, Alert Alert)>> AlertsOfAsync(AlertsApp app, List<int> innovations)
    {
        var all = new List<(int, Alert)>();
        foreach (var id in innovations) all.AddRange((await app.AlertsAsync(id)).Select(alert => (id, alert)));
        return all;
    }

    private static async Task<int> ScanCountAsync(AlertsApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.ScanRecords.CountAsync(r => r.Job == AlertSchedule.OverdueScanId);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"Still not there after 60 s: {value}");
            await Task.Delay(100);
        }
    }
}
