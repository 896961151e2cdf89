using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.WorkflowActionKind;

namespace Portal.Tests.Features.Alerts;

public sealed class AlertMailOnSqliteTests(AlertMailOnSqliteTests.App app) : AlertMailTests(app), IClassFixture<AlertMailOnSqliteTests.App>
{
    public sealed class App() : MailingAlertsApp(Start);
}

public sealed class AlertMailOnPostgreSqlTests(AlertMailOnPostgreSqlTests.App app)
    : AlertMailTests(app), IClassFixture<AlertMailOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : MailingAlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

/// <summary>E-mail through a real SMTP server on a loopback port: alerts, retries, the daily digest and the test e-mail.</summary>
public abstract class AlertMailTests(MailingAlertsApp app)
{
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 11, 2, 8);

    private const string Link = "https://inovasi.paserkab.go.id/inovasi/";

    [ProviderFact]
    public async Task A_late_step_mails_the_proposer_with_the_subject_the_details_in_WITA_and_a_link_once()
    {
        app.Smtp.Start();
        var id = await app.StepTwoFromNextMondayAsync("Aktivasi IKD di Kantor Desa");
        app.Clock.Advance(TimeSpan.FromDays(3));

        await app.ScanAsync();

        var notification = await NotificationAsync(id, AlertLevel.Late, DemoPeople.FungsionalPdip);
        Assert.Equal($"{DemoPeople.FungsionalPdip}@paserkab.go.id", notification.EmailTo);
        Assert.NotNull(notification.EmailQueuedAt);
        Assert.Contains(notification.Id, EnqueuedNotificationIds());

        await SendAsync(notification.Id);
        await SendAsync(notification.Id);

        var mail = Assert.Single(await app.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("Aktivasi IKD di Kantor Desa")), m => IsTo(m, DemoPeople.FungsionalPdip));
        Assert.Equal("[Portal Inovasi] Terlambat: Aktivasi IKD di Kantor Desa", mail.Subject);
        Assert.Equal("portal-inovasi@paserkab.go.id", mail.From.Mailboxes.Single().Address);
        // The proposer does the late step: the link opens it with their move ready.
        Assert.Contains($"href=\"{Link}{id}?aksi=lanjutkan\"", mail.HtmlBody);
        Assert.Contains(">Lanjutkan ke langkah 3<", mail.HtmlBody);
        Assert.Contains("Langkah 2 (Konsep inovasi)", mail.HtmlBody);
        Assert.Contains("WITA", mail.HtmlBody);
        Assert.Contains("terlambat 1 hari kerja", mail.HtmlBody);
        Assert.Contains($"{Link}{id}?aksi=lanjutkan", mail.TextBody);
        Assert.NotNull((await NotificationAsync(id, AlertLevel.Late, DemoPeople.FungsionalPdip)).EmailSentAt);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ArtifactsDirectory, Artifact("alert-mail")), mail.HtmlBody);
    }

    [ProviderFact]
    public async Task With_the_mail_server_down_the_send_job_throws_so_Hangfire_retries_and_succeeds_once_it_is_up()
    {
        app.Smtp.Stop();
        var id = await app.StepTwoFromNextMondayAsync("Perekaman KTP-el Sekolah Kejuruan");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.ScanAsync();
        var notification = await NotificationAsync(id, AlertLevel.Late, DemoPeople.KabidPdip);

        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(notification.Id));

        Assert.Null((await NotificationAsync(id, AlertLevel.Late, DemoPeople.KabidPdip)).EmailSentAt);
        var retry = typeof(AlertMailJob).GetMethod(nameof(AlertMailJob.SendNotificationAsync))!
            .GetCustomAttributes(typeof(AutomaticRetryAttribute), false).Cast<AutomaticRetryAttribute>().Single();
        Assert.True(retry.Attempts >= 5);

        app.Smtp.Start();
        await SendAsync(notification.Id);

        var mail = Assert.Single(await app.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("Perekaman KTP-el Sekolah Kejuruan") && IsTo(m, DemoPeople.KabidPdip)));
        Assert.Contains("Pelaksana: Pejabat Fungsional Rizky Ramadhan", mail.HtmlBody);
        // The Kepala Bidang supervises this step and does not do it: the link opens the item with no move ready.
        Assert.Contains($"href=\"{Link}{id}\"", mail.HtmlBody);
        Assert.DoesNotContain("aksi=", mail.HtmlBody);
        Assert.NotNull((await NotificationAsync(id, AlertLevel.Late, DemoPeople.KabidPdip)).EmailSentAt);
    }

    [ProviderFact]
    public async Task The_daily_digest_gives_each_kepala_bidang_their_bidang_and_the_kepala_dinas_the_whole_dinas_once()
    {
        app.Smtp.Start();
        var pdip = await app.StepTwoFromNextMondayAsync("Survei Kepuasan Layanan Digital");   // due Wed 16:00
        app.MoveToNext(DayOfWeek.Thursday, 9);
        var dafduk = await app.CreateInnovationAsync("Pendaftaran Penduduk Pindah Online", DemoPeople.FungsionalDafduk);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.MoveAsync(dafduk, DemoPeople.FungsionalDafduk, Advance);                      // due Mon 16:00
        app.MoveToNext(DayOfWeek.Friday, 7, 30);
        var today = OfficeZone.Wita.LocalDate(app.Clock.GetUtcNow());

        var first = await RunDigestAsync();
        await SendDigestsAsync(today);
        var second = await RunDigestAsync();

        var subject = AlertTexts.DigestSubject(today);
        var digests = await app.Smtp.WaitForAsync(m => m.Subject == subject, count: 3);
        var kabidPdip = Assert.Single(digests, m => IsTo(m, DemoPeople.KabidPdip));
        Assert.Contains("Survei Kepuasan Layanan Digital", kabidPdip.HtmlBody);
        Assert.Contains("terlambat 2 hari kerja", kabidPdip.HtmlBody);
        Assert.DoesNotContain("Pendaftaran Penduduk Pindah Online", kabidPdip.HtmlBody);
        // The Kepala Bidang supervises the late step and does not do it: its link opens the item alone.
        Assert.Contains($"href=\"{Link}{pdip}\"", kabidPdip.HtmlBody);

        var kabidDafduk = Assert.Single(digests, m => IsTo(m, DemoPeople.KabidDafduk));
        Assert.Contains("Pendaftaran Penduduk Pindah Online", kabidDafduk.HtmlBody);
        Assert.Contains("segera jatuh tempo", kabidDafduk.HtmlBody);
        Assert.DoesNotContain("Survei Kepuasan Layanan Digital", kabidDafduk.HtmlBody);

        var kadis = Assert.Single(digests, m => IsTo(m, DemoPeople.KepalaDinas));
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ArtifactsDirectory, Artifact("digest-mail")), kadis.HtmlBody);
        Assert.Contains("Survei Kepuasan Layanan Digital", kadis.HtmlBody);
        Assert.Contains("Pendaftaran Penduduk Pindah Online", kadis.HtmlBody);
        // A late step the Kepala Dinas does himself (the demo's verification) links with his move ready.
        Assert.Matches("href=\"" + System.Text.RegularExpressions.Regex.Escape(Link) + "\\d+\\?aksi=lanjutkan\"", kadis.HtmlBody);
        Assert.Contains($"href=\"{Link}{pdip}\"", kadis.HtmlBody);

        // The Sekretariat has no step with a due date, and fungsional staff get no digest.
        Assert.DoesNotContain(digests, m => IsTo(m, "197811302002121001") || IsTo(m, DemoPeople.FungsionalPdip));
        Assert.True(first.AlertsCreated >= 3);
        Assert.Equal(0, second.AlertsCreated);
        await using var db = app.CreateDbContext();
        Assert.Equal(first.AlertsCreated, await db.DigestDeliveries.CountAsync(d => d.Date == today));
    }

    [ProviderFact]
    public async Task On_a_holiday_the_digest_sends_nothing_and_says_why()
    {
        var holiday = Holidays2026.All.Select(h => h.Date)
            .First(d => d > OfficeZone.Wita.LocalDate(app.Clock.GetUtcNow()) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        app.SetWita(holiday.Year, holiday.Month, holiday.Day, 7, 30);

        var outcome = await RunDigestAsync();

        Assert.Equal(0, outcome.AlertsCreated);
        await using var db = app.CreateDbContext();
        Assert.False(await db.DigestDeliveries.AnyAsync(d => d.Date == holiday));
        var record = await db.ScanRecords.OrderByDescending(r => r.Id).FirstAsync(r => r.Job == AlertSchedule.DailyDigestId);
        Assert.Equal(AlertTexts.DigestSkippedHoliday, record.Note);
    }

    [ProviderTheory]
    [InlineData("", "Alamat e-mail tujuan wajib diisi.")]
    [InlineData("bukan-alamat", "Alamat e-mail tidak valid.")]
    public async Task A_test_email_to_a_bad_address_is_refused(string address, string message)
    {
        var result = await app.Get<SendTestEmailHandler>().HandleAsync(new SendTestEmail(address));

        Assert.Equal((false, message), result);
    }

    [ProviderFact]
    public async Task The_test_email_reports_a_server_that_is_down_and_arrives_once_it_is_up()
    {
        app.Smtp.Stop();
        var handler = app.Get<SendTestEmailHandler>();

        var refused = await handler.HandleAsync(new SendTestEmail("admin@paserkab.go.id"));
        Assert.False(refused.Succeeded);
        Assert.Contains($"127.0.0.1:{app.Smtp.Port}", refused.Message);

        app.Smtp.Start();
        var sent = await handler.HandleAsync(new SendTestEmail("admin@paserkab.go.id"));

        Assert.Equal((true, "E-mail uji terkirim ke admin@paserkab.go.id."), sent);
        var mail = Assert.Single(await app.Smtp.WaitForAsync(m => m.Subject == AlertTexts.TestSubject));
        Assert.Contains("https://inovasi.paserkab.go.id/", mail.HtmlBody);
    }

    /// <summary>The file a mail is kept in for people to look at; each provider's run writes its own.</summary>
    private string Artifact(string name) => app.Provider == DatabaseProvider.PostgreSql ? $"{name}-postgresql.html" : $"{name}.html";

    private static bool IsTo(MimeMessage message, string nip) =>
        message.To.Mailboxes.Any(m => m.Address == $"{nip}@paserkab.go.id");

    private async Task<Notification> NotificationAsync(int innovationId, AlertLevel level, string nip)
    {
        var userId = await app.IdAsync(nip);
        await using var db = app.CreateDbContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.InnovationId == innovationId && n.Level == level && n.RecipientId == userId);
    }

    private async Task SendAsync(long notificationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertMailJob>().SendNotificationAsync(notificationId, CancellationToken.None);
    }

    private async Task<ScanOutcome> RunDigestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().RunAsync(CancellationToken.None);
    }

    private async Task SendDigestsAsync(DateOnly date)
    {
        await using var db = app.CreateDbContext();
        var ids = await db.DigestDeliveries.Where(d => d.Date == date).Select(d => d.Id).ToListAsync();
        Assert.NotEmpty(ids);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var id in ids)
            await scope.ServiceProvider.GetRequiredService<AlertMailJob>().SendDigestAsync(id, CancellationToken.None);
    }

    /// <summary>The notification ids of the send jobs waiting in the real Hangfire storage.</summary>
    private List<long> EnqueuedNotificationIds() =>
        app.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Where(j => j.Value.Job?.Method.Name == nameof(AlertMailJob.SendNotificationAsync))
            .Select(j => (long)j.Value.Job.Args[0])
            .ToList();
}
