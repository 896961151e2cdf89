using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// A full database alerts every administrator (bell and notifications page) once, even when the alert itself could
/// not be stored while the disk was full; the alert closes after writes have worked for ten quiet minutes.
/// </summary>
public sealed class StorageAlertTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Administrators_are_alerted_once_about_a_full_database_and_the_alert_closes_after_ten_quiet_minutes()
    {
        var clock = new FakeTimeProvider(TestInstants.OrdinaryWednesday);
        await using var app = new PageLimitedPortal(clock);
        var workflow = app.Get<WorkflowService>();
        var alerts = app.Get<SystemAlerts>();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var administrator = await app.IdAsync(DemoPeople.Administrator);

        app.DatabaseFull = true;
        var refusals = 0;
        for (var i = 0; refusals < 3 && i < 400; i++)
        {
            if (!(await workflow.CreateAsync(WorkflowServiceTests.Details($"Inovasi pengisi {i:D3}"), fungsional)).Succeeded) refusals++;
        }
        Assert.Equal(3, refusals);
        app.DatabaseFull = false;
        var resumed = clock.GetUtcNow();
        Assert.True((await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi setelah ruang tersedia"), fungsional)).Succeeded);

        await UntilAsync(async () => (await alerts.OpenKeysAsync()).Contains("storage-full"));
        await using (var db = app.CreateDbContext())
        {
            var received = await db.Notifications.Where(n => n.RecipientId == administrator && n.Level == AlertLevel.System).Select(n => n.Title).ToListAsync();
            Assert.Single(received, title => title.EndsWith(": Penyimpanan server penuh"));
        }

        await UntilAsync(async () =>
        {
            if (!(await alerts.OpenKeysAsync()).Contains("storage-full")) return true;
            clock.Advance(TimeSpan.FromMinutes(1));
            return false;
        });
        Assert.True(clock.GetUtcNow() - resumed >= TimeSpan.FromMinutes(10), $"closed after {clock.GetUtcNow() - resumed} of working writes");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience) throw new TimeoutException($"Condition not met after {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }
}
