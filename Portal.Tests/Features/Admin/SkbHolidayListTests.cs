using Portal.Domain;
using Portal.Features.Admin.Holidays;

namespace Portal.Tests.Features.Admin;

/// <summary>The SKB 3 Menteri's list, copied as plain text, read line by line (expected dates from the SKB 2026).</summary>
public sealed class SkbHolidayListTests
{
    private static HolidayDate National(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name, HolidayKind.LiburNasional);

    private static HolidayDate Joint(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name, HolidayKind.CutiBersama);

    [Fact]
    public void Lines_with_weekdays_numbers_sections_lists_and_ranges_are_read_with_their_kind()
    {
        const string text = """
            HARI LIBUR NASIONAL DAN CUTI BERSAMA TAHUN 2026
            I. Libur Nasional
            No	Tanggal	Hari	Keterangan
            1.	Kamis, 1 Januari 2026	Tahun Baru 2026 Masehi
            2) 16 Januari 2026 (Jumat) - Isra Mikraj Nabi Muhammad SAW
            3	21–22 Maret 2026	Sabtu–Minggu	Idul Fitri 1447 Hijriah
            17 Agt 2026: Hari Kemerdekaan Republik Indonesia
            II. CUTI BERSAMA
            20, 23 dan 24 Maret 2026	Jumat, Senin dan Selasa	Cuti Bersama Idul Fitri 1447 Hijriah
            Kamis 24 Desember 2026 Cuti Bersama Hari Raya Natal
            """;

        var result = SkbHolidayList.Parse(text, year: null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                National(2026, 1, 1, "Tahun Baru 2026 Masehi"),
                National(2026, 1, 16, "Isra Mikraj Nabi Muhammad SAW"),
                National(2026, 3, 21, "Idul Fitri 1447 Hijriah"),
                National(2026, 3, 22, "Idul Fitri 1447 Hijriah"),
                National(2026, 8, 17, "Hari Kemerdekaan Republik Indonesia"),
                Joint(2026, 3, 20, "Cuti Bersama Idul Fitri 1447 Hijriah"),
                Joint(2026, 3, 23, "Cuti Bersama Idul Fitri 1447 Hijriah"),
                Joint(2026, 3, 24, "Cuti Bersama Idul Fitri 1447 Hijriah"),
                Joint(2026, 12, 24, "Cuti Bersama Hari Raya Natal"),
            ],
            result.Holidays);
    }

    [Fact]
    public void A_date_without_its_year_takes_the_year_being_imported_and_a_name_saying_cuti_bersama_is_one()
    {
        var result = SkbHolidayList.Parse("1 Januari Tahun Baru 2027 Masehi\n5 Februari Cuti Bersama Tahun Baru Imlek\n", year: 2027);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([National(2027, 1, 1, "Tahun Baru 2027 Masehi"), Joint(2027, 2, 5, "Cuti Bersama Tahun Baru Imlek")], result.Holidays);
    }

    [Fact]
    public void Every_bad_line_is_reported_by_its_number_in_Indonesian_and_nothing_is_read()
    {
        const string text = """
            1 Januari 2027 Tahun Baru 2027 Masehi
            Senin, 1 Januari 2027 Tahun Baru
            30 Februari 2027 Hari yang tidak ada
            5 Febuari 2027 Imlek
            17 Agustus 2027
            Keputusan Bersama tiga menteri
            23–21 Maret 2027 Terbalik
            """;

        var result = SkbHolidayList.Parse(text, year: 2027);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Holidays);
        Assert.Equal(
            [
                "Baris 2: 1 Januari 2027 jatuh pada hari Jumat, bukan Senin.",
                "Baris 3: tanggal 30 Februari 2027 tidak ada.",
                "Baris 4: bulan \"Febuari\" tidak dikenali; tulis nama bulan dalam bahasa Indonesia (Januari sampai Desember).",
                "Baris 5: nama hari libur tidak ada sesudah tanggalnya.",
                "Baris 6: tidak ada tanggal yang dikenali (\"Keputusan Bersama tiga menteri\"); tulis seperti \"1 Januari 2027 Tahun Baru 2027 Masehi\".",
                "Baris 7: rentang tanggal \"23–21\" tidak sah; tulis seperti \"21–22 Maret\".",
            ],
            result.Error!.Split('\n'));
    }

    [Theory]
    [InlineData("1 Januari 0000 Tahun Baru", "Baris 1: tahun 0 tidak wajar.")]
    [InlineData("\n\n1 Januari 9999 Tahun Baru", "Baris 3: tahun 9999 tidak wajar.")]
    public void An_impossible_year_is_refused_with_its_line(string text, string expected)
    {
        Assert.Equal(expected, SkbHolidayList.Parse(text, year: 2027).Error);
        Assert.Null(SkbHolidayList.ParseDate("1 Januari 0000"));
    }

    [Fact]
    public void Without_a_year_in_the_line_or_the_import_the_line_is_refused()
    {
        var result = SkbHolidayList.Parse("1 Januari Tahun Baru", year: null);

        Assert.Equal("Baris 1: tahun tidak disebut; tulis seperti \"1 Januari 2027\".", result.Error);
    }

    [Theory]
    [InlineData("libur.txt")]
    [InlineData("libur.csv")]
    public void A_txt_or_csv_file_holding_the_SKB_list_is_read_as_one_and_a_CSV_still_as_CSV(string fileName)
    {
        var skb = HolidayFile.Parse(fileName, "Jumat, 1 Januari 2027 — Tahun Baru 2027 Masehi\n", 2027);
        var csv = HolidayFile.Parse(fileName, "1 Januari 2027,Tahun Baru 2027 Masehi,libur nasional\n", 2027);

        Assert.True(skb.Succeeded, skb.Error);
        Assert.Equal([National(2027, 1, 1, "Tahun Baru 2027 Masehi")], skb.Holidays);
        Assert.True(csv.Succeeded, csv.Error);
        Assert.Equal([National(2027, 1, 1, "Tahun Baru 2027 Masehi")], csv.Holidays);
    }

    [Fact]
    public void The_shipped_2026_sample_reads_as_the_SKB_2026_17_national_holidays_and_8_cuti_bersama()
    {
        var path = Path.Combine(SolutionRoot(), "Portal", "Features", "Admin", "Holidays", "Samples", "hari-libur-2026-skb.txt");

        var result = HolidayFile.Parse(Path.GetFileName(path), File.ReadAllText(path), 2026);

        Assert.True(result.Succeeded, result.Error);
        // The dates as the SOP reading lists them from the SKB (shared/sop/README.md), written out here by hand.
        int[][] national = [[1, 1], [1, 16], [2, 17], [3, 19], [3, 21], [3, 22], [4, 3], [4, 5], [5, 1], [5, 14], [5, 27], [5, 31], [6, 1], [6, 16], [8, 17], [8, 25], [12, 25]];
        int[][] joint = [[2, 16], [3, 18], [3, 20], [3, 23], [3, 24], [5, 15], [5, 28], [12, 24]];
        Assert.Equal(national.Select(d => new DateOnly(2026, d[0], d[1])),
            result.Holidays.Where(h => h.Kind == HolidayKind.LiburNasional).Select(h => h.Date).Order());
        Assert.Equal(joint.Select(d => new DateOnly(2026, d[0], d[1])),
            result.Holidays.Where(h => h.Kind == HolidayKind.CutiBersama).Select(h => h.Date).Order());
    }

    private static string SolutionRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Disdukcapil.Inovasi.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("The solution folder was not found above the test binaries.");
    }
}
