namespace Portal.Domain;

/// <summary>2026 holidays per SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025: 17 libur nasional + 8 cuti bersama.</summary>
public static class Holidays2026
{
    public static IReadOnlyList<HolidayDate> All { get; } =
    [
        National(1, 1, "Tahun Baru 2026 Masehi"),
        National(1, 16, "Isra Mikraj Nabi Muhammad SAW"),
        Joint(2, 16, "Cuti Bersama Tahun Baru Imlek 2577 Kongzili"),
        National(2, 17, "Tahun Baru Imlek 2577 Kongzili"),
        Joint(3, 18, "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948"),
        National(3, 19, "Hari Suci Nyepi Tahun Baru Saka 1948"),
        Joint(3, 20, "Cuti Bersama Idul Fitri 1447 Hijriah"),
        National(3, 21, "Idul Fitri 1447 Hijriah"),
        National(3, 22, "Idul Fitri 1447 Hijriah"),
        Joint(3, 23, "Cuti Bersama Idul Fitri 1447 Hijriah"),
        Joint(3, 24, "Cuti Bersama Idul Fitri 1447 Hijriah"),
        National(4, 3, "Wafat Yesus Kristus"),
        National(4, 5, "Kebangkitan Yesus Kristus (Paskah)"),
        National(5, 1, "Hari Buruh Internasional"),
        National(5, 14, "Kenaikan Yesus Kristus"),
        Joint(5, 15, "Cuti Bersama Kenaikan Yesus Kristus"),
        National(5, 27, "Idul Adha 1447 Hijriah"),
        Joint(5, 28, "Cuti Bersama Idul Adha 1447 Hijriah"),
        National(5, 31, "Hari Raya Waisak 2570 BE"),
        National(6, 1, "Hari Lahir Pancasila"),
        National(6, 16, "Tahun Baru Islam 1448 Hijriah"),
        National(8, 17, "Hari Kemerdekaan Republik Indonesia"),
        National(8, 25, "Maulid Nabi Muhammad SAW"),
        Joint(12, 24, "Cuti Bersama Hari Raya Natal"),
        National(12, 25, "Hari Raya Natal"),
    ];

    private static HolidayDate National(int month, int day, string name) =>
        new(new DateOnly(2026, month, day), name, HolidayKind.LiburNasional);

    private static HolidayDate Joint(int month, int day, string name) =>
        new(new DateOnly(2026, month, day), name, HolidayKind.CutiBersama);
}
