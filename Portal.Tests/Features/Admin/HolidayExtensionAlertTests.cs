using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Alerts;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.AlertLevel;
using static Portal.Domain.WorkflowActionKind;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// A step already late when a cuti bersama is declared: it is on time again, the alerts it had stay (shown as no
/// longer late), and when it becomes late again nobody is told a second time.
/// </summary>
public sealed class HolidayExtensionAlertTests(HolidayExtensionAlertTests.App app) : IClassFixture<HolidayExtensionAlertTests.App>
{
    public sealed class App() : MailingAlertsApp(Wita(2026, 12, 29, 8));

    private const string Fungsional = DemoPeople.FungsionalPdip;
    private const string Kabid = DemoPeople.KabidPdip;
    private const string Kadis = DemoPeople.KepalaDinas;
    private const string Title = "Layanan adminduk di sekolah";

    [Fact]
    public async Task Alerts_sent_before_a_cuti_bersama_extended_the_step_are_kept_marked_and_never_repeated()
    {
        // Tue 29 December 10:00 at step 2 (2 hari): due Thu 31 December 16:00 (30, 31 Dec).
        app.SetWita(2026, 12, 29, 9);
        var id = await app.CreateInnovationAsync(Title);
        app.SetWita(2026, 12, 29, 10);
        await app.MoveAsync(id, Fungsional, Advance);
        var expected = new List<Alert>();

        async Task ScanAndExpect(params Alert[] added)
        {
            await app.ScanAsync();
            expected.AddRange(added);
            Assert.Equal(expected.OrderBy(Key), (await app.AlertsAsync(id)).OrderBy(Key));
        }

        app.SetWita(2026, 12, 30, 9);
        await ScanAndExpect(new Alert(2, 1, DueSoon, Fungsional));
        app.SetWita(2026, 12, 31, 16, 30);
        await ScanAndExpect(new Alert(2, 1, Late, Fungsional), new Alert(2, 1, Late, Kabid));

        // 16:40: 31 December declared cuti bersama: due Fri 1 January 16:00 (30 Dec, 1 Jan; 2027 not entered yet).
        app.SetWita(2026, 12, 31, 16, 40);
        var declared = await app.Get<HolidayAdministration>().SaveAsync(
            new HolidayForm { Date = new DateTime(2026, 12, 31), Name = "Cuti Bersama Tahun Baru", Kind = HolidayKind.CutiBersama },
            await app.IdAsync(DemoPeople.Administrator));
        Assert.True(declared.Succeeded, declared.Message);

        var kabidLate = Assert.Single((await InboxAsync(Kabid)).Items, n => n.InnovationId == id);
        Assert.Equal(AlertsApp.Wita(2027, 1, 1, 16), kabidLate.ExtendedTo);
        await ScanAndExpect();

        // The late e-mails still queued (the mail server was down) are not sent for a step that is no longer late.
        app.Smtp.Start();
        await SendQueuedMailsAsync(id);
        var subjects = app.Smtp.Received.Select(m => m.Subject ?? "").Where(subject => subject.Contains(Title)).ToList();
        Assert.Equal([$"[Portal Inovasi] Segera jatuh tempo: {Title}"], subjects);

        // Late again on Friday evening: the late alerts already sent are not sent again.
        app.SetWita(2027, 1, 1, 16, 30);
        await ScanAndExpect();
        Assert.Null(Assert.Single((await InboxAsync(Kabid)).Items, n => n.InnovationId == id).ExtendedTo);

        // Two working days late (Mon 4, Tue 5 January): the Kepala Dinas, once.
        app.SetWita(2027, 1, 4, 9);
        await ScanAndExpect();
        app.SetWita(2027, 1, 5, 9);
        await ScanAndExpect(new Alert(2, 1, Escalation, Kadis));
        await ScanAndExpect();
    }

    private async Task SendQueuedMailsAsync(int innovationId)
    {
        List<long> ids;
        await using (var db = app.CreateDbContext())
            ids = await db.Notifications.Where(n => n.InnovationId == innovationId && n.EmailQueuedAt != null && n.EmailSentAt == null).Select(n => n.Id).ToListAsync();
        Assert.Equal(3, ids.Count);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var id in ids) await scope.ServiceProvider.GetRequiredService<AlertMailJob>().SendNotificationAsync(id, CancellationToken.None);
    }

    private async Task<NotificationPage> InboxAsync(string nip) =>
        await app.Get<NotificationInbox>().PageAsync(await app.IdAsync(nip), unreadOnly: false, page: 0, pageSize: 50);

    private static string Key(Alert alert) => $"{alert.Step}/{alert.Run}/{alert.Level}/{alert.Nip}/{alert.Acting}";
}
