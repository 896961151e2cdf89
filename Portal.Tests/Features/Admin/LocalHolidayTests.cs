using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Workflow;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// A libur daerah (a holiday of this regency only) beside the national ones: an administrator adds and edits it like any
/// holiday, it keeps its own kind and label, and the due dates of running steps move with it. Due dates counted by hand.
/// </summary>
public sealed class LocalHolidayTests(LocalHolidayTests.App app) : IClassFixture<LocalHolidayTests.App>
{
    public sealed class App() : AlertsApp(Wita(2026, 11, 2, 9));

    private HolidayAdministration Holidays => app.Get<HolidayAdministration>();

    [Fact]
    public async Task A_libur_daerah_is_added_and_moved_with_its_own_label_and_running_due_dates_follow()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        // Monday 2 November 09:00, step 1 (2 minggu = 10 hari kerja): 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 Nov.
        var id = await app.CreateInnovationAsync("Pelayanan KIA di Posyandu");
        Assert.Equal(Wita(2026, 11, 16, 16), await DueAsync(id));

        // Tuesday 10 November becomes a regional holiday: the tenth working day is Tuesday 17 November.
        var added = await Holidays.SaveAsync(new HolidayForm
        {
            Date = new DateTime(2026, 11, 10), Name = "Hari Jadi Kabupaten Paser", Kind = HolidayKind.LiburDaerah,
        }, admin);

        Assert.True(added.Succeeded, added.Message);
        Assert.Contains("Tenggat", added.Message);
        Assert.Equal(Wita(2026, 11, 17, 16), await DueAsync(id));
        var row = Assert.Single(await Holidays.ListAsync(2026), h => h.Date == new DateOnly(2026, 11, 10));
        Assert.Equal(HolidayKind.LiburDaerah, row.Kind);
        Assert.Equal("Libur daerah", HolidayAdministration.KindName(row.Kind));
        Assert.False((await app.Get<CalendarProvider>().GetAsync()).IsWorkingDay(new DateOnly(2026, 11, 10)));
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.HolidaysChanged
                && a.Detail == "Ditambah: 10 Nov 2026 Hari Jadi Kabupaten Paser (Libur daerah)"));
        }

        // Moved to Friday 20 November, after the due date: back to Monday 16 November.
        var moved = await Holidays.SaveAsync(new HolidayForm
        {
            Id = row.Id, Date = new DateTime(2026, 11, 20), Name = "Hari Jadi Kabupaten Paser", Kind = HolidayKind.LiburDaerah,
        }, admin);

        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal(Wita(2026, 11, 16, 16), await DueAsync(id));
        Assert.Equal("2 libur nasional, 0 cuti bersama, 1 libur daerah",
            HolidayAdministration.Counts([HolidayKind.LiburNasional, HolidayKind.LiburDaerah, HolidayKind.LiburNasional]));
    }

    [Fact]
    public async Task Only_an_administrator_adds_a_libur_daerah()
    {
        var refused = await Holidays.SaveAsync(new HolidayForm
        {
            Date = new DateTime(2026, 11, 11), Name = "Libur daerah tanpa wewenang", Kind = HolidayKind.LiburDaerah,
        }, await app.IdAsync(DemoPeople.KepalaDinas));

        Assert.False(refused.Succeeded);
        Assert.Equal("Anda tidak berwenang melakukan tindakan ini.", refused.Message);
        Assert.DoesNotContain(await Holidays.ListAsync(2026), h => h.Date == new DateOnly(2026, 11, 11));
    }

    private async Task<DateTimeOffset?> DueAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.StepRuns.Where(r => r.InnovationId == id && r.FinishedAt == null).Select(r => r.DueAt).SingleAsync();
    }

    private static DateTimeOffset Wita(int year, int month, int day, int hour) => AlertsApp.Wita(year, month, day, hour);
}
