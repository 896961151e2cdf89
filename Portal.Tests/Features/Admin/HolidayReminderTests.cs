using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Alerts;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// Autumn 2026 with only the 2026 holidays stored: from 1 October (WITA) the administrators are alerted once (bell,
/// e-mail), /sehat warns and the board shows a notice, until the 2027 list is imported.
/// </summary>
public sealed class HolidayReminderTests(HolidayReminderTests.App app) : IClassFixture<HolidayReminderTests.App>
{
    public sealed class App() : MailingAlertsApp(Wita(2026, 9, 30, 20));

    private const string Key2027 = "holidays-missing-2027";

    [Fact]
    public async Task From_1_October_the_administrators_are_alerted_once_warned_on_sehat_and_the_board_until_2027_is_imported()
    {
        var reminder = app.Get<HolidayReminder>();
        var alerts = app.Get<SystemAlerts>();
        var administrator = await app.IdAsync(DemoPeople.Administrator);

        // Wednesday 30 September, 23:59 WITA: not yet.
        app.SetWita(2026, 9, 30, 23, 59);
        Assert.Empty(await reminder.CheckAsync(CancellationToken.None));
        Assert.DoesNotContain(Key2027, await alerts.OpenKeysAsync());
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);

        // Thursday 1 October, 00:30 WITA (still 30 September in UTC): the alert, once, however often the check runs.
        app.SetWita(2026, 10, 1, 0, 30);
        Assert.Equal([2027], await reminder.CheckAsync(CancellationToken.None));
        app.SetWita(2026, 10, 2, 7);
        Assert.Equal([2027], await reminder.CheckAsync(CancellationToken.None));

        Assert.Contains(Key2027, await alerts.OpenKeysAsync());
        var inbox = await app.Get<NotificationInbox>().PageAsync(administrator, unreadOnly: false, page: 0, pageSize: 50);
        var alert = Assert.Single(inbox.Items, n => n.Level == AlertLevel.System && n.Title.Contains("2027"));
        Assert.Equal("Sistem portal: Hari libur tahun 2027 belum diisi", alert.Title);
        Assert.Contains("melewati 1 Januari 2027 akan menghitung hari libur sebagai hari kerja", alert.Message);
        Assert.Equal("/admin/libur?tahun=2027", alert.Target);

        app.Smtp.Start();
        await app.SendQueuedSystemMailsAsync();
        var mail = Assert.Single(await app.Smtp.WaitForAsync(m => m.Subject == "[Portal Inovasi] Sistem portal: Hari libur tahun 2027 belum diisi"));
        Assert.Equal($"{DemoPeople.Administrator}@paserkab.go.id", mail.To.Mailboxes.Single().Address);

        var health = await HealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("Hari libur tahun 2027 belum diisi", health.Entries[HolidaysHealthCheck.Name].Description);

        Assert.Contains("Hari libur tahun 2027 belum diisi", await BoardAsync(DemoPeople.Administrator));
        Assert.DoesNotContain("Hari libur tahun 2027 belum diisi", await BoardAsync(DemoPeople.KepalaDinas));

        // Imported: resolved at once, without waiting for the next daily check.
        var holidays = app.Get<HolidayAdministration>();
        const string skb = "I. LIBUR NASIONAL\n1. Jumat, 1 Januari 2027 Tahun Baru 2027 Masehi\n2. Selasa, 17 Agustus 2027 Hari Kemerdekaan Republik Indonesia\n";
        var preview = await holidays.PreviewAsync(2027, "skb-2027.txt", skb);
        Assert.True(preview.Succeeded, preview.Error);
        var imported = await holidays.ImportAsync(2027, preview.Holidays, "skb-2027.txt", administrator);
        Assert.True(imported.Succeeded, imported.Message);

        Assert.DoesNotContain(Key2027, await alerts.OpenKeysAsync());
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);
        Assert.DoesNotContain("Hari libur tahun 2027 belum diisi", await BoardAsync(DemoPeople.Administrator));
    }

    [Fact]
    public void The_daily_check_is_registered_once_under_a_fixed_id_at_07_00_WITA()
    {
        using var connection = app.Get<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == HolidayReminderSchedule.JobId);
        Assert.Equal("0 7 * * *", job.Cron);
        Assert.Equal(OfficeZone.Wita.Id, job.TimeZoneId);
    }

    private async Task<HealthReport> HealthAsync() =>
        await app.Get<HealthCheckService>().CheckHealthAsync(r => r.Name == HolidaysHealthCheck.Name);

    private async Task<string> BoardAsync(string nip)
    {
        using var client = await app.SignedInClientAsync(nip);
        return await (await client.GetAsync("/")).HtmlAsync();
    }
}
