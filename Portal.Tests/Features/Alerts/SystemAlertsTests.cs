using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

public sealed class SystemAlertsOnSqliteTests(SystemAlertsOnSqliteTests.App app) : SystemAlertsTests(app), IClassFixture<SystemAlertsOnSqliteTests.App>
{
    public sealed class App() : MailingAlertsApp(Start);
}

public sealed class SystemAlertsOnPostgreSqlTests(SystemAlertsOnPostgreSqlTests.App app)
    : SystemAlertsTests(app), IClassFixture<SystemAlertsOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : MailingAlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

/// <summary>Alerts about the portal itself reach the administrators once per condition: bell, page and e-mail.</summary>
public abstract class SystemAlertsTests(MailingAlertsApp app)
{
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 11, 2, 8);

    [ProviderFact]
    public async Task An_alert_reaches_each_administrator_once_until_the_condition_is_over_and_then_again()
    {
        var alerts = app.Get<SystemAlerts>();
        var administrator = await app.IdAsync(DemoPeople.Administrator);
        var kepalaDinas = await app.IdAsync(DemoPeople.KepalaDinas);
        var inbox = app.Get<NotificationInbox>();
        var unreadBefore = await inbox.CountUnreadAsync(administrator);

        Assert.True(await alerts.RaiseAsync("uji-disk", "Disk hampir penuh", "Sisa ruang penyimpanan 1 GB.", link: "/admin/kesehatan"));
        Assert.False(await alerts.RaiseAsync("uji-disk", "Disk hampir penuh", "Sisa ruang penyimpanan 900 MB."));

        Assert.Equal(unreadBefore + 1, await inbox.CountUnreadAsync(administrator));
        var shown = (await inbox.PageAsync(administrator, unreadOnly: true, 0, 50)).Items.First();
        Assert.Equal(AlertLevel.System, shown.Level);
        Assert.Equal("Sistem portal: Disk hampir penuh", shown.Title);
        Assert.Equal("/admin/kesehatan", shown.Target);
        Assert.Null(shown.InnovationId);
        Assert.DoesNotContain((await inbox.PageAsync(kepalaDinas, unreadOnly: false, 0, 50)).Items, n => n.Level == AlertLevel.System);
        Assert.Equal(["uji-disk"], await alerts.OpenKeysAsync());

        app.Smtp.Start();
        await app.SendQueuedSystemMailsAsync();
        var mail = Assert.Single(await app.Smtp.WaitForAsync(m => m.Subject == "[Portal Inovasi] Sistem portal: Disk hampir penuh"));
        Assert.Equal($"{DemoPeople.Administrator}@paserkab.go.id", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Sisa ruang penyimpanan 1 GB.", mail.HtmlBody);
        Assert.Contains("href=\"https://inovasi.paserkab.go.id/admin/kesehatan\"", mail.HtmlBody);

        await alerts.ResolveAsync("uji-disk");
        Assert.Empty(await alerts.OpenKeysAsync());
        Assert.True(await alerts.RaiseAsync("uji-disk", "Disk hampir penuh", "Sisa ruang penyimpanan 500 MB."));
        Assert.Equal(unreadBefore + 2, await inbox.CountUnreadAsync(administrator));
        await alerts.ResolveAsync("uji-disk");
    }
}
