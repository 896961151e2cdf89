using System.Net;
using Portal.Domain;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Account;

/// <summary>A lockout lasts 15 minutes on the portal's clock, whatever the machine's clock says.</summary>
public sealed class LockoutClockTests(LockoutClockTests.App app) : IClassFixture<LockoutClockTests.App>
{
    public sealed class App() : PortalAppFactory(new TestClock(TestInstants.OrdinaryWednesday));

    private TestClock Clock => (TestClock)app.Get<TimeProvider>();

    [Fact]
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
