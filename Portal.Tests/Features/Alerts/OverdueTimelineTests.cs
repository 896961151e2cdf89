using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Tests.Infrastructure;
using static Portal.Domain.AlertLevel;
using static Portal.Domain.WorkflowActionKind;

namespace Portal.Tests.Features.Alerts;

public sealed class OverdueTimelineOnSqliteTests(OverdueTimelineOnSqliteTests.App app) : OverdueTimelineTests(app), IClassFixture<OverdueTimelineOnSqliteTests.App>
{
    public sealed class App() : AlertsApp(Start);
}

public sealed class OverdueTimelineOnPostgreSqlTests(OverdueTimelineOnPostgreSqlTests.App app)
    : OverdueTimelineTests(app), IClassFixture<OverdueTimelineOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : AlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

/// <summary>
/// One innovation played through March–April 2026 on a fake clock, with the overdue scan called at each
/// point: a weekend, the Nyepi / Idul Fitri holidays (18–24 March), soon due, late, escalated, returned,
/// a Plh. for the Kepala Dinas, a late Kepala Bidang step, and finished.
/// </summary>
public abstract class OverdueTimelineTests(AlertsApp app)
{
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 3, 12, 8);

    private const string Fungsional = DemoPeople.FungsionalPdip;   // Rizky Ramadhan (the proposer)
    private const string Kabid = DemoPeople.KabidPdip;             // Nurul Hidayah
    private const string Kadis = DemoPeople.KepalaDinas;           // Hj. Rahmawati Saleh
    private const string Sekretaris = "197811302002121001";        // Drs. Bambang Sutrisno, Plh. Kepala Dinas on 1–2 April

    [ProviderFact]
    public async Task Each_person_is_told_once_per_level_across_weekends_holidays_a_return_an_acting_official_and_the_finish()
    {
        var expected = new List<Alert>();
        var id = 0;

        async Task ScanAndExpect(params Alert[] added)
        {
            await app.ScanAsync();
            expected.AddRange(added);
            var actual = await app.AlertsAsync(id);
            Assert.Equal(expected.OrderBy(Key), actual.OrderBy(Key));
        }

        // Fri 13 March: created, and at 10:00 at step 2 (2 hari): due Tue 17 March 16:00 across the weekend.
        app.SetWita(2026, 3, 13, 9);
        id = await app.CreateInnovationAsync("Antrean Daring Terpadu Kecamatan");
        app.SetWita(2026, 3, 13, 10);
        await app.MoveAsync(id, Fungsional, Advance);
        await ScanAndExpect();

        // Saturday: still two working days left (Mon, Tue).
        app.SetWita(2026, 3, 14, 12);
        await ScanAndExpect();

        // Monday morning: one working day left: the proposer hears it is soon due, once.
        app.SetWita(2026, 3, 16, 8);
        await ScanAndExpect(new Alert(2, 1, DueSoon, Fungsional));
        await ScanAndExpect();
        var dueSoon = await NotificationAsync(id, DueSoon, Fungsional);
        Assert.Equal("Segera jatuh tempo: Antrean Daring Terpadu Kecamatan", dueSoon.Title);
        Assert.Equal("Langkah 2 (Konsep inovasi) jatuh tempo 17 Mar 2026 16.00 WITA; sisa 1 hari kerja.", dueSoon.Message);

        // Tuesday after closing time: late: the proposer and the Kepala Bidang.
        app.SetWita(2026, 3, 17, 16, 30);
        await ScanAndExpect(new Alert(2, 1, Late, Fungsional), new Alert(2, 1, Late, Kabid));
        Assert.Contains("Pelaksana: Pejabat Fungsional Rizky Ramadhan, S.Kom.", (await NotificationAsync(id, Late, Kabid)).Message);

        // 18–24 March are Nyepi, Idul Fitri and cuti bersama: no working day passes, so no escalation.
        foreach (var day in new[] { 18, 20, 23, 24 })
        {
            app.SetWita(2026, 3, day, 10);
            await ScanAndExpect();
        }

        // Wed 25 March: one working day late, below the escalation threshold of two.
        app.SetWita(2026, 3, 25, 9);
        await ScanAndExpect();

        // Thu 26 March: two working days late: the Kepala Dinas is alerted.
        app.SetWita(2026, 3, 26, 9);
        await ScanAndExpect(new Alert(2, 1, Escalation, Kadis));
        Assert.StartsWith("Eskalasi keterlambatan: ", (await NotificationAsync(id, Escalation, Kadis)).Title);

        // Handed in, then returned by the Kepala Bidang: the new run of step 2 (due Mon 30 March) starts fresh.
        app.SetWita(2026, 3, 26, 10);
        await app.MoveAsync(id, Fungsional, Advance);
        app.SetWita(2026, 3, 26, 10, 30);
        await app.MoveAsync(id, Kabid, ReturnForRevision, "Analisis biaya belum lengkap.");
        await ScanAndExpect();

        app.SetWita(2026, 3, 27, 9);
        await ScanAndExpect(new Alert(2, 2, DueSoon, Fungsional));

        // Through the Kepala Bidang to the Kepala Dinas's verification (2 hari): due Tue 31 March 16:00.
        app.SetWita(2026, 3, 27, 10);
        await app.MoveAsync(id, Fungsional, Advance);
        app.SetWita(2026, 3, 27, 11);
        await app.MoveAsync(id, Kabid, Advance);
        await ScanAndExpect();

        app.SetWita(2026, 3, 31, 9);
        await ScanAndExpect(new Alert(4, 1, DueSoon, Kadis));

        // The Sekretaris is Plh. Kepala Dinas on 1–2 April and receives the Kepala Dinas's alerts as well.
        await AddPlhKepalaDinasAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2));
        app.SetWita(2026, 4, 1, 16, 30);
        await ScanAndExpect(new Alert(4, 1, Late, Kadis), new Alert(4, 1, Late, Sekretaris, Acting: true));
        var acting = await NotificationAsync(id, Late, Sekretaris);
        Assert.Equal("Hj. Rahmawati Saleh, S.Sos., M.Si.", acting.OnBehalfOf);
        Assert.StartsWith("Sebagai Plh. Kepala Dinas atas nama Hj. Rahmawati Saleh, S.Sos., M.Si.: Langkah 4 (Verifikasi Kadis)", acting.Message);

        app.SetWita(2026, 4, 2, 16, 30);
        await ScanAndExpect(new Alert(4, 1, Escalation, Kadis), new Alert(4, 1, Escalation, Sekretaris, Acting: true));

        // Verified and approved; set up (due Fri 10 April: Good Friday 3 April is a holiday), then uji coba
        // and the Kepala Bidang's evaluation (2 hari, due Wed 8 April).
        app.SetWita(2026, 4, 2, 17);
        await app.MoveAsync(id, Kadis, Advance);
        await app.MoveAsync(id, Kadis, Approve);
        app.SetWita(2026, 4, 6, 9);
        await app.MoveAsync(id, Fungsional, Advance);
        app.SetWita(2026, 4, 6, 10);
        await app.MoveAsync(id, Fungsional, Advance);
        await ScanAndExpect();

        // Thu 9 April: the evaluation is late: the Kepala Bidang and, as her supervisor, the Kepala Dinas.
        // The Plh. has ended, and "soon due" is not sent for a step that is already late.
        app.SetWita(2026, 4, 9, 9);
        await ScanAndExpect(new Alert(8, 1, Late, Kabid), new Alert(8, 1, Late, Kadis));

        // Finished: nothing more, however late it gets.
        app.SetWita(2026, 4, 9, 10);
        await app.MoveAsync(id, Kabid, Advance);
        await app.MoveAsync(id, Fungsional, Advance);
        await app.MoveAsync(id, Kadis, Approve);
        app.SetWita(2026, 4, 20, 9);
        await ScanAndExpect();

        // Without SMTP settings every alert is in-app only.
        await using var db = app.CreateDbContext();
        Assert.All(await db.Notifications.Where(n => n.InnovationId == id).ToListAsync(), n => Assert.Null(n.EmailTo));
        Assert.Equal(InnovationStatus.Selesai, (await db.Innovations.SingleAsync(i => i.Id == id)).Status);
    }

    private static string Key(Alert alert) => $"{alert.Step}/{alert.Run}/{alert.Level}/{alert.Nip}/{alert.Acting}";

    private async Task<Notification> NotificationAsync(int innovationId, AlertLevel level, string nip)
    {
        var userId = await app.IdAsync(nip);
        await using var db = app.CreateDbContext();
        return await db.Notifications.Where(n => n.InnovationId == innovationId && n.Level == level && n.RecipientId == userId)
            .OrderByDescending(n => n.Id).FirstAsync();
    }

    private async Task AddPlhKepalaDinasAsync(DateOnly from, DateOnly to)
    {
        await using var db = app.CreateDbContext();
        var principalId = await app.IdAsync(Kadis);
        db.Substitutions.Add(new Substitution
        {
            Kind = SubstitutionKind.Plh,
            SubstituteId = await app.IdAsync(Sekretaris),
            PrincipalId = principalId,
            PositionId = (await db.Users.SingleAsync(u => u.Id == principalId)).PositionId!.Value,
            StartDate = from,
            EndDate = to,
            CreatedAt = app.Clock.GetUtcNow(),
            CreatedByName = "Admin Portal",
        });
        await db.SaveChangesAsync();
    }
}
