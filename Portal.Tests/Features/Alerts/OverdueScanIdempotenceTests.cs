using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.AlertLevel;
using static Portal.Domain.WorkflowActionKind;

namespace Portal.Tests.Features.Alerts;

public sealed class OverdueScanIdempotenceOnSqliteTests(OverdueScanIdempotenceOnSqliteTests.App app) : OverdueScanIdempotenceTests(app), IClassFixture<OverdueScanIdempotenceOnSqliteTests.App>
{
    public sealed class App() : AlertsApp(Start);
}

public sealed class OverdueScanIdempotenceOnPostgreSqlTests(OverdueScanIdempotenceOnPostgreSqlTests.App app)
    : OverdueScanIdempotenceTests(app), IClassFixture<OverdueScanIdempotenceOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : AlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

/// <summary>Hangfire runs a job at least once: a repeated, concurrent or catching-up scan must notify each person once.</summary>
public abstract class OverdueScanIdempotenceTests(AlertsApp app)
{
    // November 2026 has no holidays; each test starts on the next Monday, so the clock only moves forward.
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 11, 2, 8);

    private static readonly Alert[] LateAndEscalated =
    [
        new(2, 1, Late, DemoPeople.FungsionalPdip),
        new(2, 1, Late, DemoPeople.KabidPdip),
        new(2, 1, Escalation, DemoPeople.KepalaDinas),
    ];

    [ProviderFact]
    public async Task A_scan_run_twice_creates_nothing_the_second_time()
    {
        var id = await app.StepTwoFromNextMondayAsync("Layanan Akta Lewat Desa");
        app.Clock.Advance(TimeSpan.FromDays(3));   // Thursday: one working day late

        var first = await app.ScanAsync();
        var afterFirst = await app.AlertsAsync(id);
        var second = await app.ScanAsync();

        Assert.Equal(LateAndEscalated.Take(2).OrderBy(Key), afterFirst.OrderBy(Key));
        Assert.Equal(afterFirst, await app.AlertsAsync(id));
        Assert.True(first.AlertsCreated >= 2);
        Assert.Equal(0, second.AlertsCreated);
        Assert.Equal(0, first.Failures + second.Failures);
    }

    [ProviderFact]
    public async Task Two_scans_at_once_create_each_notification_once()
    {
        var id = await app.StepTwoFromNextMondayAsync("Loket Terpadu Kecamatan Tanah Grogot");
        app.Clock.Advance(TimeSpan.FromDays(4));   // Friday: two working days late
        var before = await CountAsync();

        var outcomes = await Task.WhenAll(Task.Run(ScanInOwnScopeAsync), Task.Run(ScanInOwnScopeAsync));

        Assert.Equal(LateAndEscalated.OrderBy(Key), (await app.AlertsAsync(id)).OrderBy(Key));
        Assert.Equal(await CountAsync() - before, outcomes.Sum(o => o.AlertsCreated));
        Assert.All(outcomes, o => Assert.Equal(0, o.Failures));
    }

    [ProviderFact]
    public async Task After_a_week_without_scans_each_level_is_sent_once_not_once_per_missed_run()
    {
        var id = await app.StepTwoFromNextMondayAsync("Kartu Identitas Anak Keliling");
        await app.ScanAsync();
        Assert.Empty(await app.AlertsAsync(id));
        var records = await ScanRecordCountAsync();

        app.Clock.Advance(TimeSpan.FromDays(7));   // the next Monday: three working days late
        await app.ScanAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.ScanAsync();

        Assert.Equal(LateAndEscalated.OrderBy(Key), (await app.AlertsAsync(id)).OrderBy(Key));
        Assert.Equal(records + 2, await ScanRecordCountAsync());
    }

    private async Task<ScanOutcome> ScanInOwnScopeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueScanJob>().RunAsync(CancellationToken.None);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Notifications.CountAsync();
    }

    private async Task<int> ScanRecordCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.ScanRecords.CountAsync(r => r.Job == AlertSchedule.OverdueScanId);
    }

    private static string Key(Alert alert) => $"{alert.Level}/{alert.Nip}";
}
