using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain;

namespace Portal.Features.Admin.Holidays;

/// <summary>
/// Reads the holiday list as the SKB 3 Menteri publishes it, copied as plain text: one holiday per line, a date
/// written the Indonesian way ("1 Januari 2027", "Jumat, 1 Januari 2027", "20, 23 dan 24 Maret", "21–22 Maret"),
/// then its name. A heading "Libur Nasional" or "Cuti Bersama" sets the kind of the lines under it, and a name that
/// says "Cuti Bersama" is one. Every line that cannot be read is reported by its number; one bad line fails the
/// whole list. Pure: no database, no clock.
/// </summary>
public static partial class SkbHolidayList
{
    private const int MaxErrorsShown = 10;
    private const int MaxRangeDays = 31;
    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["pebruari"] = 2, ["feb"] = 2, ["peb"] = 2,
        ["maret"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5,
        ["juni"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["jul"] = 7,
        ["agustus"] = 8, ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agus"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10,
        ["november"] = 11, ["nopember"] = 11, ["nov"] = 11, ["nop"] = 11,
        ["desember"] = 12, ["des"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["senin"] = DayOfWeek.Monday, ["selasa"] = DayOfWeek.Tuesday, ["rabu"] = DayOfWeek.Wednesday,
        ["kamis"] = DayOfWeek.Thursday, ["jumat"] = DayOfWeek.Friday, ["sabtu"] = DayOfWeek.Saturday,
        ["minggu"] = DayOfWeek.Sunday, ["ahad"] = DayOfWeek.Sunday,
    };

    /// <summary>Words of a table's header row ("No | Tanggal | Hari | Keterangan"), which is skipped.</summary>
    private static readonly HashSet<string> HeaderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nomor", "tanggal", "tgl", "hari", "keterangan", "nama", "jenis", "bulan", "uraian",
    };

    private const string WeekdayPattern = "senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad";

    [GeneratedRegex(
        @"^(?:(?:no\.?\s*)?\d{1,3}(?:\s*[.)]\s*|\s+))?"
        + @"(?:(?<weekday>" + WeekdayPattern + @")\s*,?\s*)?"
        + @"(?<days>\d{1,2}(?:\s*(?:,?\s*(?:dan|&)|,|[-–—]|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*\d{1,2})*)"
        + @"\s*(?<month>[a-z]+)\.?"
        + @"(?:\s+(?<year>\d{4}))?"
        + @"(?<rest>(?:[\s,;:|–—()-].*)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    /// <summary>What follows the date: the weekday(s) of a table's "Hari" column, then the name.</summary>
    [GeneratedRegex(@"^[\s,;:|–—()\-]*(?:\(?(?<weekday>" + WeekdayPattern + @")\)?(?=[\s,;:|–—()\-]|$)[\s,;:|–—()\-]*(?:(?:dan|&)\s+)?)*(?<name>.*?)[\s,;:|–—\-]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePart();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex Number();

    [GeneratedRegex(@"[-–—]|s\.?\s?d|sampai", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeMark();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// Reads the list; a date without its year takes <paramref name="year"/> (the year being imported).
    /// </summary>
    public static HolidayFileResult Parse(string text, int? year)
    {
        var holidays = new List<HolidayDate>();
        var errors = new List<string>();
        var sectionKind = HolidayKind.LiburNasional;
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // A table copied from a PDF or a word processor keeps its tabs: they separate like spaces.
            var line = Spaces().Replace(lines[i], " ").Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var number = i + 1;

            var match = DateLine().Match(line);
            if (!match.Success)
            {
                if (IsHeading(line, out var headingKind))
                {
                    sectionKind = headingKind ?? sectionKind;
                    continue;
                }
                if (IsHeaderRow(line)) continue;
                errors.Add($"Baris {number}: tidak ada tanggal yang dikenali (\"{Shorten(line)}\"); tulis seperti \"1 Januari 2027 Tahun Baru 2027 Masehi\".");
                continue;
            }
            if (ReadLine(match, number, year, sectionKind, holidays) is { } problem) errors.Add(problem);
        }

        if (errors.Count > 0)
        {
            var shown = errors.Take(MaxErrorsShown).ToList();
            if (errors.Count > MaxErrorsShown) shown.Add($"... dan {errors.Count - MaxErrorsShown} baris lain yang juga salah.");
            return HolidayFileResult.Failed(string.Join("\n", shown));
        }
        return holidays.Count == 0
            ? HolidayFileResult.Failed("Berkas tidak berisi satu pun hari libur.")
            : new HolidayFileResult(holidays, null);
    }

    /// <summary>One date written the Indonesian way ("1 Januari 2027", "Jumat, 1 Januari 2027"); null when it is not one.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var match = DateLine().Match(Spaces().Replace(text, " ").Trim());
        if (!match.Success || match.Groups["rest"].Value.Trim().Length > 0 || !match.Groups["year"].Success) return null;
        if (!Months.TryGetValue(match.Groups["month"].Value, out var month)) return null;
        if (!int.TryParse(match.Groups["days"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var date = new DateOnly(year, month, day);
        return WeekdayProblem(match, date) is null ? date : null;
    }

    private static string? ReadLine(Match match, int number, int? defaultYear, HolidayKind sectionKind, List<HolidayDate> holidays)
    {
        var monthText = match.Groups["month"].Value;
        if (!Months.TryGetValue(monthText, out var month))
            return $"Baris {number}: bulan \"{monthText}\" tidak dikenali; tulis nama bulan dalam bahasa Indonesia (Januari sampai Desember).";
        int year;
        if (match.Groups["year"].Success) year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        else if (defaultYear is { } given) year = given;
        else return $"Baris {number}: tahun tidak disebut; tulis seperti \"1 Januari 2027\".";
        if (year is < MinYear or > MaxYear) return $"Baris {number}: tahun {year} tidak wajar.";

        var nameMatch = NamePart().Match(match.Groups["rest"].Value);
        var name = nameMatch.Groups["name"].Value.Trim();
        if (name.Length == 0) return $"Baris {number}: nama hari libur tidak ada sesudah tanggalnya.";
        if (HolidayFile.NameProblem(name) is { } nameProblem) return $"Baris {number}: {nameProblem}";

        var daysText = match.Groups["days"].Value;
        var numbers = Number().Matches(daysText).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var label = $"{daysText} {monthText} {year}";
        if (numbers.Any(d => d < 1 || d > DateTime.DaysInMonth(year, month)))
            return $"Baris {number}: tanggal {label} tidak ada.";
        List<DateOnly> dates;
        if (RangeMark().IsMatch(daysText))
        {
            if (numbers.Count != 2 || numbers[1] <= numbers[0] || numbers[1] - numbers[0] >= MaxRangeDays)
                return $"Baris {number}: rentang tanggal \"{daysText}\" tidak sah; tulis seperti \"21–22 Maret\".";
            dates = Enumerable.Range(numbers[0], numbers[1] - numbers[0] + 1).Select(d => new DateOnly(year, month, d)).ToList();
        }
        else
        {
            dates = numbers.Select(d => new DateOnly(year, month, d)).ToList();
        }
        if (WeekdayProblem(match, dates[0]) is { } dayProblem) return $"Baris {number}: {dayProblem}";
        var stated = nameMatch.Groups["weekday"].Captures.Select(c => c.Value).ToList();
        if (stated.Count > 1 && stated.Count != dates.Count)
            return $"Baris {number}: {dates.Count} tanggal tetapi {stated.Count} nama hari; samakan jumlahnya.";
        foreach (var (date, day) in dates.Zip(stated))
        {
            if (Weekday(day) != date.DayOfWeek)
                return $"Baris {number}: {IndonesianFormat.LongDate(date)} jatuh pada hari {DayName(date)}, bukan {day}.";
        }

        var kind = name.Contains("cuti bersama", StringComparison.OrdinalIgnoreCase) ? HolidayKind.CutiBersama : sectionKind;
        holidays.AddRange(dates.Select(d => new HolidayDate(d, name, kind)));
        return null;
    }

    private static string? WeekdayProblem(Match match, DateOnly date)
    {
        if (!match.Groups["weekday"].Success) return null;
        var stated = match.Groups["weekday"].Value;
        return Weekday(stated) == date.DayOfWeek ? null : $"{IndonesianFormat.LongDate(date)} jatuh pada hari {DayName(date)}, bukan {stated}.";
    }

    private static DayOfWeek? Weekday(string text) =>
        Weekdays.TryGetValue(text.Replace("'", "").Replace("’", ""), out var day) ? day : null;

    private static string DayName(DateOnly date) => date.ToString("dddd", IndonesianFormat.Culture);

    /// <summary>
    /// A line that names "Cuti Bersama" or "Libur Nasional" and no date is a section heading; a title that names both
    /// ("Hari Libur Nasional dan Cuti Bersama Tahun 2027") is skipped and leaves the kind as it was (null).
    /// </summary>
    private static bool IsHeading(string line, out HolidayKind? kind)
    {
        var letters = new string(line.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        var joint = letters.Contains("cutibersama");
        var national = letters.Contains("liburnasional") || letters.Contains("harilibur");
        kind = joint == national ? null : joint ? HolidayKind.CutiBersama : HolidayKind.LiburNasional;
        return joint || national;
    }

    private static bool IsHeaderRow(string line)
    {
        var words = line.Split([' ', '|', '/', ',', ';', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(HeaderWords.Contains);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
