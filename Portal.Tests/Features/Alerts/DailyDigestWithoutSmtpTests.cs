using Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Alerts;

using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

public sealed class DailyDigestWithoutSmtpOnSqliteTests(DailyDigestWithoutSmtpOnSqliteTests.App app) : DailyDigestWithoutSmtpTests(app), IClassFixture<DailyDigestWithoutSmtpOnSqliteTests.App>
{
    public sealed class App() : AlertsApp(Start);
}

public sealed class DailyDigestWithoutSmtpOnPostgreSqlTests(DailyDigestWithoutSmtpOnPostgreSqlTests.App app)
    : DailyDigestWithoutSmtpTests(app), IClassFixture<DailyDigestWithoutSmtpOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : AlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

public abstract class DailyDigestWithoutSmtpTests(AlertsApp app)
{
    // Wed 18 Nov 2026 07:30 WITA, a working day with late demo innovations.
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 11, 18, 7, 30);

    [ProviderFact]
    public async Task Without_smtp_settings_the_digest_mails_nobody_and_records_why()
    {
        await app.GiveEveryoneAnEmailAsync();
        await using var scope = app.Services.CreateAsyncScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, outcome.AlertsCreated);
        await using var db = app.CreateDbContext();
        Assert.False(await db.DigestDeliveries.AnyAsync());
        var record = await db.ScanRecords.SingleAsync(r => r.Job == AlertSchedule.DailyDigestId);
        Assert.Equal(AlertTexts.DigestSkippedNoSmtp, record.Note);
    }
}
