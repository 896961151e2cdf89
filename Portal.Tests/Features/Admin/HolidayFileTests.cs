using Portal.Domain;
using Portal.Features.Admin.Holidays;

namespace Portal.Tests.Features.Admin;

public sealed class HolidayFileTests
{
    private static readonly IReadOnlyDictionary<DateOnly, string> NoneStored = new Dictionary<DateOnly, string>();

    [Fact]
    public void A_CSV_with_a_header_both_date_formats_and_every_kind_is_read()
    {
        const string csv = "\uFEFFtanggal,nama,jenis\r\n2027-01-01,Tahun Baru 2027 Masehi,libur nasional\r\n\r\n05/02/2027,\"Cuti Bersama Imlek, 2578\",Cuti Bersama\r\n"
            + "2027-03-21,Hari Jadi Kabupaten Paser,Libur Daerah\r\n";

        var result = HolidayFile.Parse("libur-2027.csv", csv);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                new HolidayDate(new DateOnly(2027, 1, 1), "Tahun Baru 2027 Masehi", HolidayKind.LiburNasional),
                new HolidayDate(new DateOnly(2027, 2, 5), "Cuti Bersama Imlek, 2578", HolidayKind.CutiBersama),
                new HolidayDate(new DateOnly(2027, 3, 21), "Hari Jadi Kabupaten Paser", HolidayKind.LiburDaerah),
            ],
            result.Holidays);
    }

    [Fact]
    public void A_CSV_saved_by_Excel_with_semicolons_and_no_header_is_read()
    {
        var result = HolidayFile.ParseCsv("01/01/2027;Tahun Baru;libur nasional\n17/08/2027;Hari Kemerdekaan;libur nasional\n");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 8, 17)], result.Holidays.Select(h => h.Date));
    }

    [Theory]
    [InlineData("2027-01-01,Tahun Baru\n", "Baris 1: harus berisi tiga kolom")]
    [InlineData("tanggal,nama,jenis\n2027-13-01,Tahun Baru,libur nasional\n", "Baris 2: tanggal \"2027-13-01\" tidak dikenali")]
    [InlineData("1 Januray 2027,Tahun Baru,libur nasional\n", "gunakan yyyy-MM-dd, dd/MM/yyyy atau \"1 Januari 2027\"")]
    [InlineData("\"Senin, 1 Januari 2027\",Tahun Baru,libur nasional\n", "Baris 1: tanggal \"Senin, 1 Januari 2027\" tidak dikenali")]
    [InlineData("2027-01-01,,libur nasional\n", "Baris 1: nama hari libur wajib diisi.")]
    [InlineData("2027-01-01,Tahun Baru,libur sekolah\n", "Baris 1: jenis \"libur sekolah\" tidak dikenali; gunakan \"libur nasional\", \"cuti bersama\" atau \"libur daerah\".")]
    [InlineData("2027-01-01,\"Tahun Baru,libur nasional\n", "Baris 1: tanda kutip tidak ditutup.")]
    [InlineData("tanggal,nama,jenis\n", "Berkas tidak berisi satu pun hari libur.")]
    [InlineData("", "Berkas kosong.")]
    [InlineData("2027-01-01,Tahun Baru,libur nasional,catatan\n", "harus berisi tiga kolom")]
    public void A_malformed_CSV_is_refused_with_the_line_and_the_reason(string csv, string expected)
    {
        var result = HolidayFile.ParseCsv(csv);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error);
        Assert.Empty(result.Holidays);
    }

    [Fact]
    public void An_iCalendar_file_is_read_with_folded_lines_escapes_multi_day_events_and_cuti_bersama_by_its_summary()
    {
        const string ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Kalender Libur//ID
            BEGIN:VEVENT
            UID:1@libur
            DTSTART;VALUE=DATE:20270101
            DTEND;VALUE=DATE:20270102
            SUMMARY:Tahun Baru 2027 
             Masehi
            END:VEVENT
            BEGIN:VEVENT
            UID:2@libur
            DTSTART;VALUE=DATE:20270311
            DTEND;VALUE=DATE:20270313
            SUMMARY:Cuti Bersama Idul Fitri 1448 H\, hari pertama dan kedua
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20270817
            SUMMARY:Hari Kemerdekaan RI
            END:VEVENT
            END:VCALENDAR
            """;

        var result = HolidayFile.Parse("libur.ics", ics.Replace("\n", "\r\n"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                new HolidayDate(new DateOnly(2027, 1, 1), "Tahun Baru 2027 Masehi", HolidayKind.LiburNasional),
                new HolidayDate(new DateOnly(2027, 3, 11), "Cuti Bersama Idul Fitri 1448 H, hari pertama dan kedua", HolidayKind.CutiBersama),
                new HolidayDate(new DateOnly(2027, 3, 12), "Cuti Bersama Idul Fitri 1448 H, hari pertama dan kedua", HolidayKind.CutiBersama),
                new HolidayDate(new DateOnly(2027, 8, 17), "Hari Kemerdekaan RI", HolidayKind.LiburNasional),
            ],
            result.Holidays);
    }

    [Theory]
    [InlineData("tanggal,nama,jenis", "bukan iCalendar yang sah")]
    [InlineData("BEGIN:VCALENDAR\nEND:VCALENDAR", "tidak berisi satu pun acara")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Tahun Baru\nEND:VEVENT\nEND:VCALENDAR", "Acara ke-1 (\"Tahun Baru\") tidak memiliki DTSTART.")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101T090000Z\nSUMMARY:Rapat\nEND:VEVENT\nEND:VCALENDAR", "harus tanggal saja")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nEND:VEVENT\nEND:VCALENDAR", "SUMMARY wajib diisi")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:Libur\nEND:VCALENDAR", "tidak ditutup dengan END:VEVENT")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270401\nSUMMARY:Libur panjang\nEND:VEVENT\nEND:VCALENDAR", "paling lama 31 hari")]
    public void A_malformed_iCalendar_file_is_refused_with_the_reason(string ics, string expected)
    {
        var result = HolidayFile.ParseICalendar(ics);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void An_unknown_file_type_is_refused()
    {
        Assert.Equal("Jenis berkas tidak dikenal: unggah berkas .txt (daftar SKB), .csv atau .ics.", HolidayFile.Parse("libur.xlsx", "x").Error);
    }

    [Fact]
    public void Holidays_of_the_chosen_year_that_are_not_stored_yet_may_be_imported()
    {
        var holidays = new[] { Holiday(2027, 1, 1, "Tahun Baru"), Holiday(2027, 8, 17, "Kemerdekaan") };

        Assert.Null(HolidayFile.ImportProblem(holidays, 2027, NoneStored));
    }

    [Fact]
    public void A_date_outside_the_chosen_year_is_refused_and_named()
    {
        var problem = HolidayFile.ImportProblem([Holiday(2027, 12, 25, "Natal"), Holiday(2028, 1, 1, "Tahun Baru 2028")], 2027, NoneStored);

        Assert.Equal("Semua tanggal harus di tahun 2027; di luar tahun itu: 01 Jan 2028 (Tahun Baru 2028).", problem);
    }

    [Fact]
    public void A_date_twice_in_the_file_is_refused()
    {
        var problem = HolidayFile.ImportProblem([Holiday(2027, 1, 1, "Tahun Baru"), Holiday(2027, 1, 1, "Tahun Baru lagi")], 2027, NoneStored);

        Assert.StartsWith("Tanggal ganda di dalam berkas: 01 Jan 2027.", problem);
    }

    [Fact]
    public void A_date_already_in_the_table_is_refused_with_the_stored_name()
    {
        var stored = new Dictionary<DateOnly, string> { [new DateOnly(2027, 1, 1)] = "Tahun Baru 2027 Masehi" };

        var problem = HolidayFile.ImportProblem([Holiday(2027, 1, 1, "Tahun Baru")], 2027, stored);

        Assert.StartsWith("Tanggal sudah ada di tabel hari libur: 01 Jan 2027 (Tahun Baru 2027 Masehi).", problem);
    }

    private static HolidayDate Holiday(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), name, HolidayKind.LiburNasional);
}
