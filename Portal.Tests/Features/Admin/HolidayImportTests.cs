using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

public sealed class HolidayImportTests(HolidayImportTests.App app) : IClassFixture<HolidayImportTests.App>
{
    public sealed class App() : PortalAppFactory();

    private HolidayAdministration Administration => app.Get<HolidayAdministration>();

    private const string Csv2027 = """
        tanggal,nama,jenis
        2027-01-01,Tahun Baru 2027 Masehi,libur nasional
        2027-02-05,Cuti Bersama Tahun Baru Imlek 2578 Kongzili,cuti bersama
        06/02/2027,Tahun Baru Imlek 2578 Kongzili,libur nasional
        2027-08-17,Hari Kemerdekaan Republik Indonesia,libur nasional
        """;

    [Fact]
    public async Task A_valid_CSV_is_previewed_then_imported_audited_and_counted_by_the_working_calendar()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var calendars = app.Get<CalendarProvider>();
        Assert.True((await calendars.GetAsync()).IsWorkingDay(new DateOnly(2027, 1, 1)));

        var preview = await Administration.PreviewAsync(2027, "libur-2027.csv", Csv2027);
        Assert.True(preview.Succeeded, preview.Error);
        Assert.Equal(4, preview.Holidays.Count);
        Assert.Empty(await Administration.ListAsync(2027));

        var imported = await Administration.ImportAsync(2027, preview.Holidays, "libur-2027.csv", admin);

        Assert.True(imported.Succeeded, imported.Message);
        var rows = await Administration.ListAsync(2027);
        Assert.Equal(["Tahun Baru 2027 Masehi", "Cuti Bersama Tahun Baru Imlek 2578 Kongzili", "Tahun Baru Imlek 2578 Kongzili", "Hari Kemerdekaan Republik Indonesia"],
            rows.Select(r => r.Name));
        Assert.Equal(HolidayKind.CutiBersama, rows[1].Kind);
        Assert.False((await calendars.GetAsync()).IsWorkingDay(new DateOnly(2027, 1, 1)));
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.HolidaysChanged).OrderBy(a => a.Id).LastAsync();
        Assert.Equal("Impor libur-2027.csv untuk tahun 2027: 3 libur nasional, 1 cuti bersama", audit.Detail);
    }

    [Fact]
    public async Task A_valid_iCalendar_file_is_imported()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280101\r\nSUMMARY:Tahun Baru 2028 Masehi\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280125\r\nSUMMARY:Cuti Bersama Tahun Baru Imlek\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var preview = await Administration.PreviewAsync(2028, "libur-2028.ics", ics);
        Assert.True(preview.Succeeded, preview.Error);
        var imported = await Administration.ImportAsync(2028, preview.Holidays, "libur-2028.ics", await app.IdAsync(DemoPeople.Administrator));

        Assert.True(imported.Succeeded, imported.Message);
        Assert.Equal([HolidayKind.LiburNasional, HolidayKind.CutiBersama], (await Administration.ListAsync(2028)).Select(r => r.Kind));
    }

    public static TheoryData<string, string, string, string> RefusedFiles => new()
    {
        { "malformed CSV", "libur.csv", "2029-01-01;Tahun Baru\n", "Baris 1: harus berisi tiga kolom" },
        { "malformed iCalendar", "libur.ics", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20290101\nEND:VEVENT\n", "bukan iCalendar yang sah" },
        { "duplicate in the file", "libur.csv", "2029-01-01,Tahun Baru,libur nasional\n01/01/2029,Tahun Baru Masehi,libur nasional\n", "Tanggal ganda di dalam berkas: 01 Jan 2029" },
        { "wrong year", "libur.csv", "2030-01-01,Tahun Baru 2030,libur nasional\n", "Semua tanggal harus di tahun 2029" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_bad_file_is_refused_with_a_message_and_the_table_is_unchanged(string _, string fileName, string content, string expected)
    {
        var before = await SnapshotAsync();

        var preview = await Administration.PreviewAsync(2029, fileName, content);

        Assert.False(preview.Succeeded);
        Assert.Contains(expected, preview.Error);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_date_already_in_the_table_is_refused_in_the_preview_and_again_at_import()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var stored = new HolidayDate(new DateOnly(2026, 12, 25), "Hari Raya Natal", HolidayKind.LiburNasional);
        var fresh = new HolidayDate(new DateOnly(2026, 12, 31), "Malam Tahun Baru", HolidayKind.CutiBersama);
        var before = await SnapshotAsync();

        var preview = await Administration.PreviewAsync(2026, "tambahan.csv", "2026-12-31,Malam Tahun Baru,cuti bersama\n2026-12-25,Natal,libur nasional\n");
        var import = await Administration.ImportAsync(2026, [fresh, stored], "tambahan.csv", admin);

        Assert.Contains("Tanggal sudah ada di tabel hari libur: 25 Des 2026 (Hari Raya Natal)", preview.Error);
        Assert.False(import.Succeeded);
        Assert.Contains("Tanggal sudah ada di tabel hari libur", import.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Only_an_administrator_imports()
    {
        var holidays = new[] { new HolidayDate(new DateOnly(2031, 1, 1), "Tahun Baru", HolidayKind.LiburNasional) };

        var result = await Administration.ImportAsync(2031, holidays, "x.csv", await app.IdAsync(DemoPeople.KepalaDinas));

        Assert.False(result.Succeeded);
        Assert.Empty(await Administration.ListAsync(2031));
    }

    [Fact]
    public async Task A_holiday_is_added_edited_and_deleted_with_an_audit_row_each_and_a_taken_date_is_refused()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var added = await Administration.SaveAsync(new HolidayForm { Date = new DateTime(2032, 3, 2), Name = "Libur pilkada", Kind = HolidayKind.LiburNasional }, admin);
        Assert.True(added.Succeeded, added.Message);
        var row = Assert.Single(await Administration.ListAsync(2032));

        var taken = await Administration.SaveAsync(new HolidayForm { Date = new DateTime(2026, 1, 1), Name = "Dobel" }, admin);
        Assert.Equal("01 Jan 2026 sudah tercatat sebagai Tahun Baru 2026 Masehi.", taken.Message);
        var edited = await Administration.SaveAsync(new HolidayForm { Id = row.Id, Date = new DateTime(2032, 3, 3), Name = "Libur pilkada serentak", Kind = HolidayKind.LiburNasional }, admin);
        Assert.True(edited.Succeeded, edited.Message);
        Assert.Equal(new DateOnly(2032, 3, 3), Assert.Single(await Administration.ListAsync(2032)).Date);
        var deleted = await Administration.DeleteAsync(row.Id, admin);
        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.Empty(await Administration.ListAsync(2032));

        await using var db = app.CreateDbContext();
        var details = await db.AuditEntries.Where(a => a.Action == AuditActions.HolidaysChanged && a.Detail!.Contains("pilkada")).Select(a => a.Detail).ToListAsync();
        Assert.Equal(3, details.Count);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var rows = await db.Holidays.OrderBy(h => h.Date).Select(h => $"{h.Date:yyyy-MM-dd} {h.Name} {h.Kind}").ToListAsync();
        return string.Join("\n", rows);
    }
}
