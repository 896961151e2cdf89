using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Admin.SopEditor;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Infrastructure;
using static Portal.Domain.AlertLevel;
using static Portal.Tests.Features.Alerts.AlertsApp;
using static Portal.Domain.WorkflowActionKind;

namespace Portal.Tests.Features.Workflow;

/// <summary>The calendar follows the office profile: steps opened after a change count in the new zone and hours.</summary>
public sealed class OfficeProfileCalendarTests(OfficeProfileCalendarTests.App app) : IClassFixture<OfficeProfileCalendarTests.App>
{
    public sealed class App() : AlertsApp(Wita(2026, 11, 2, 8));

    private static DateTimeOffset Wit(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9)).ToUniversalTime();

    [Fact]
    public async Task A_step_opened_after_the_office_moves_to_WIT_with_a_long_Friday_is_due_by_the_new_profile_and_earlier_steps_keep_theirs()
    {
        // Mon 2 Nov 2026 09:00 WITA: step 1 (2 minggu) is due Mon 16 Nov 16:00 WITA.
        app.SetWita(2026, 11, 2, 9);
        var before = await app.CreateInnovationAsync("Dibuat sebelum profil diubah");
        Assert.Equal(OfficeZone.Wita, (await app.Get<CalendarProvider>().GetAsync()).Zone);

        var longFriday = new OfficeHours(
            [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }
                .Select(d => new WorkingDayHours(d, new TimeOnly(7, 30), new TimeOnly(16, 0))),
            new WorkingDayHours(DayOfWeek.Friday, new TimeOnly(7, 30), new TimeOnly(16, 30))]);
        await app.Get<OfficeProfileStore>().SaveAsync(new OfficeProfile
        {
            PemerintahDaerah = "Pemerintah Kabupaten Jayapura",
            NamaInstansi = "Dinas Kependudukan dan Pencatatan Sipil",
            TimeZoneId = OfficeZone.Wit.Id,
            HoursJson = OfficeHoursJson.Serialize(longFriday),
        }, await app.IdAsync(DemoPeople.Administrator), "Administrator", app.Clock.GetUtcNow());

        // The same instant is 10:00 WIT: step 1 is due Mon 16 Nov 16:00 WIT, one hour (the zone difference) earlier.
        var after = await app.CreateInnovationAsync("Dibuat sesudah profil diubah");
        Assert.Equal(Wita(2026, 11, 16, 16), await OpenDueAsync(before));
        Assert.Equal(Wit(11, 16, 16), await OpenDueAsync(after));
        Assert.Equal(TimeSpan.FromHours(1), Wita(2026, 11, 16, 16) - Wit(11, 16, 16));

        // Wed 4 Nov 10:00 WIT at step 2 (2 hari): due on Friday at its own closing time, 16.30 WIT.
        app.Clock.SetUtcNow(Wit(11, 4, 10));
        await app.MoveAsync(after, DemoPeople.FungsionalPdip, Advance);
        Assert.Equal(Wit(11, 6, 16, 30), await OpenDueAsync(after));
        var calendar = await app.Get<CalendarProvider>().GetAsync();
        Assert.Equal((OfficeZone.Wit, new TimeOnly(16, 30)), (calendar.Zone, calendar.Hours.On(DayOfWeek.Friday)!.Closes));

        // A holiday after its due date leaves the earlier step as it was, in WITA: a holiday change is no profile change.
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var holidays = app.Get<HolidayAdministration>();
        var unrelated = await holidays.SaveAsync(new HolidayForm { Date = new DateTime(2026, 11, 23), Name = "Hari Jadi Kabupaten", Kind = HolidayKind.LiburDaerah }, admin);
        Assert.True(unrelated.Succeeded, unrelated.Message);
        Assert.DoesNotContain("dihitung ulang", unrelated.Message);
        Assert.Equal(Wita(2026, 11, 16, 16), await OpenDueAsync(before));

        // A holiday inside its waktu moves it a working day, counted with the office as it is now.
        var inside = await holidays.SaveAsync(new HolidayForm { Date = new DateTime(2026, 11, 12), Name = "Libur daerah", Kind = HolidayKind.LiburDaerah }, admin);
        Assert.Contains("langkah berjalan dihitung ulang", inside.Message);
        Assert.Equal(Wit(11, 17, 16), await OpenDueAsync(before));
    }

    private async Task<DateTimeOffset?> OpenDueAsync(int innovationId)
    {
        await using var db = app.CreateDbContext();
        return await db.StepRuns.Where(r => r.InnovationId == innovationId && r.FinishedAt == null).Select(r => r.DueAt).SingleAsync();
    }
}

/// <summary>
/// An SOP version whose step 2 takes 4 jam, run on the default office (07.30–16.00 WITA): the due instant, the
/// board's lateness and the overdue scan's alerts all count office hours.
/// </summary>
public sealed class HourStepTests(HourStepTests.App app) : IClassFixture<HourStepTests.App>
{
    public sealed class App() : AlertsApp(Wita(2026, 11, 13, 8));

    private const string Fungsional = DemoPeople.FungsionalPdip;
    private const string Kabid = DemoPeople.KabidPdip;
    private const string Kadis = DemoPeople.KepalaDinas;

    [Fact]
    public async Task A_4_hour_step_started_Friday_afternoon_is_due_Monday_morning_soon_due_late_and_escalated_in_office_hours()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var administration = app.Get<SopAdministration>();
        var (_, revision) = await administration.StartRevisionAsync(await app.InnovationSopIdAsync());
        var step2 = revision.Steps.Single(s => s.Number == 2);
        (step2.DurationValue, step2.DurationUnit) = (4, DurationUnit.WorkingHours);
        revision.ChangeNote = "Konsep inovasi cukup empat jam kerja (uji satuan jam).";
        var saved = await administration.SaveNewVersionAsync(revision, admin);
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("4 jam", (await app.Get<SopCatalog>().CurrentAsync()).Document.Step(2).Duration.Label());

        // Fri 13 Nov 2026: at step 2 from 15:00; one office hour on Friday, three from Monday 07.30: due Mon 16 Nov 10:30.
        app.SetWita(2026, 11, 13, 9);
        var id = await app.CreateInnovationAsync("Layanan kilat satu hari");
        app.SetWita(2026, 11, 13, 15);
        await app.MoveAsync(id, Fungsional, Advance);
        await using (var db = app.CreateDbContext())
            Assert.Equal(Wita(2026, 11, 16, 10, 30), await db.StepRuns.Where(r => r.InnovationId == id && r.FinishedAt == null).Select(r => r.DueAt).SingleAsync());

        var expected = new List<Alert>();
        async Task ScanAndExpect(params Alert[] added)
        {
            await app.ScanAsync();
            expected.AddRange(added);
            Assert.Equal(expected.OrderBy(Key), (await app.AlertsAsync(id)).OrderBy(Key));
        }

        // Four office hours left on Friday, 1.5 on Monday 09:00: on time.
        await ScanAndExpect();
        app.SetWita(2026, 11, 16, 9);
        await ScanAndExpect();
        Assert.Equal("tepat waktu", (await SummaryAsync(id)).Sla.Label);

        // One office hour left: soon due.
        app.SetWita(2026, 11, 16, 9, 30);
        await ScanAndExpect(new Alert(2, 1, DueSoon, Fungsional));
        Assert.EndsWith("jatuh tempo 16 Nov 2026 10.30 WITA; sisa 1 jam kerja.", await MessageAsync(id, DueSoon, Fungsional));
        Assert.Equal("segera jatuh tempo", (await SummaryAsync(id)).Sla.Label);

        // A minute past: late, the doer and the Kepala Bidang.
        app.SetWita(2026, 11, 16, 10, 31);
        await ScanAndExpect(new Alert(2, 1, Late, Fungsional), new Alert(2, 1, Late, Kabid));
        Assert.Contains("(terlambat 1 menit kerja)", await MessageAsync(id, Late, Kabid));

        // Late by its own four office hours (10.30–14.30): escalated to the Kepala Dinas, long before two working days.
        app.SetWita(2026, 11, 16, 14, 29);
        await ScanAndExpect();
        app.SetWita(2026, 11, 16, 14, 30);
        await ScanAndExpect(new Alert(2, 1, Escalation, Kadis));
        Assert.Contains("mencapai batas eskalasi 2 hari kerja atau 4 jam (waktu langkahnya)", await MessageAsync(id, Escalation, Kadis));
        Assert.Equal("terlambat 4 jam kerja", (await SummaryAsync(id)).Sla.Label);
    }

    private async Task<InnovationSummary> SummaryAsync(int id) =>
        (await app.Get<InnovationQueries>().SummariesAsync(onlyId: id)).Single();

    private async Task<string> MessageAsync(int id, AlertLevel level, string nip)
    {
        var recipient = await app.IdAsync(nip);
        await using var db = app.CreateDbContext();
        return await db.Notifications.Where(n => n.InnovationId == id && n.Level == level && n.RecipientId == recipient).Select(n => n.Message).SingleAsync();
    }

    private static string Key(Alert alert) => $"{alert.Step}/{alert.Run}/{alert.Level}/{alert.Nip}/{alert.Acting}";
}
