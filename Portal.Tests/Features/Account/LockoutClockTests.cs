using System.Net;
using Portal.Data;
using Portal.Domain;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

public sealed class LockoutClockOnSqliteTests(LockoutClockOnSqliteTests.App app) : LockoutClockTests(app), IClassFixture<LockoutClockOnSqliteTests.App>
{
    public sealed class App() : PortalAppFactory(new TestClock(TestInstants.OrdinaryWednesday));
}

public sealed class LockoutClockOnPostgreSqlTests(LockoutClockOnPostgreSqlTests.App app)
    : LockoutClockTests(app), IClassFixture<LockoutClockOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PortalAppFactory(new TestClock(TestInstants.OrdinaryWednesday), provider: DatabaseProvider.PostgreSql);
}

/// <summary>A lockout lasts 15 minutes on the portal's clock, whatever the machine's clock says.</summary>
public abstract class LockoutClockTests(PortalAppFactory app)
{

    private TestClock Clock => (TestClock)app.Get<TimeProvider>();

    [ProviderFact]
    public async Task A_locked_account_opens_again_fifteen_minutes_after_the_fifth_failure()
    {
        const string nip = DemoPeople.FungsionalDafduk;
        var client = app.NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            await client.SignInAsync(nip, $"salah-ke-{attempt}");
        var lockedAt = Clock.Now;

        Clock.Now = lockedAt.AddMinutes(14);
        var stillLocked = await (await client.SignInAsync(nip)).HtmlAsync();
        Assert.Contains($"Coba lagi setelah {OfficeZone.Wita.DateTimeText(lockedAt.AddMinutes(15))}", stillLocked);

        Clock.Now = lockedAt.AddMinutes(15).AddSeconds(1);
        var afterLockout = await client.SignInAsync(nip);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
    }
}
