using System.Globalization;
using System.Text;
using Portal.Domain;

namespace Portal.Features.Admin.Holidays;

/// <summary>The holidays read from an uploaded file, or why the file could not be read.</summary>
public sealed record HolidayFileResult(IReadOnlyList<HolidayDate> Holidays, string? Error)
{
    public bool Succeeded => Error is null;

    public static HolidayFileResult Failed(string error) => new([], error);
}

/// <summary>
/// Reads next year's holiday list from a CSV (<c>tanggal,nama,jenis</c>), the SKB's plain list (see
/// <see cref="SkbHolidayList"/>) or an iCalendar file, and checks it against the chosen year and the holidays
/// already stored. Pure: no database, no clock.
/// </summary>
public static class HolidayFile
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxNameLength = 150;
    private const int MaxEventDays = 31;

    private static readonly string[] CsvDateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <param name="year">The year being imported: the SKB's list may leave it out of each date.</param>
    public static HolidayFileResult Parse(string fileName, string text, int? year = null) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => LooksLikeCsv(text) ? ParseCsv(text) : SkbHolidayList.Parse(text, year),
        ".ics" or ".ical" or ".ifb" => ParseICalendar(text),
        _ => HolidayFileResult.Failed("Jenis berkas tidak dikenal: unggah berkas .txt (daftar SKB), .csv atau .ics."),
    };

    /// <summary>
    /// A CSV starts with the header "tanggal", a numeric date, or three fields ending in a kind; anything else in a
    /// .txt or .csv file is read as the SKB's plain list.
    /// </summary>
    public static bool LooksLikeCsv(string text)
    {
        var first = Lines(text).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#'));
        if (first is null || SplitCsvLine(first, DetectDelimiter(first)) is not { } fields) return first is not null;
        var head = fields[0].Trim();
        return head.Equals("tanggal", StringComparison.OrdinalIgnoreCase)
            || DateOnly.TryParseExact(head, CsvDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || fields.Count >= 3 && ParseKind(fields[2]) is not null;
    }

    public static HolidayFileResult ParseCsv(string text)
    {
        var lines = Lines(text);
        var firstLine = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (firstLine is null) return HolidayFileResult.Failed("Berkas kosong.");
        var delimiter = DetectDelimiter(firstLine);

        var holidays = new List<HolidayDate>();
        var headerSeen = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            if (SplitCsvLine(line, delimiter) is not { } fields)
                return HolidayFileResult.Failed($"Baris {number}: tanda kutip tidak ditutup.");
            if (!headerSeen && holidays.Count == 0 && fields[0].Trim().Equals("tanggal", StringComparison.OrdinalIgnoreCase))
            {
                headerSeen = true;
                continue;
            }
            if (fields.Count < 3 || fields.Skip(3).Any(f => !string.IsNullOrWhiteSpace(f)))
                return HolidayFileResult.Failed($"Baris {number}: harus berisi tiga kolom: tanggal, nama, jenis.");

            var dateText = fields[0].Trim();
            if (CsvDate(dateText) is not { } date)
                return HolidayFileResult.Failed($"Baris {number}: tanggal \"{dateText}\" tidak dikenali; gunakan yyyy-MM-dd, dd/MM/yyyy atau \"1 Januari 2027\".");
            var name = fields[1].Trim();
            if (NameProblem(name) is { } nameProblem) return HolidayFileResult.Failed($"Baris {number}: {nameProblem}");
            if (ParseKind(fields[2]) is not { } kind)
                return HolidayFileResult.Failed($"Baris {number}: jenis \"{fields[2].Trim()}\" tidak dikenali; gunakan \"libur nasional\", \"cuti bersama\" atau \"libur daerah\".");
            holidays.Add(new HolidayDate(date, name, kind));
        }
        return holidays.Count == 0
            ? HolidayFileResult.Failed("Berkas tidak berisi satu pun hari libur.")
            : new HolidayFileResult(holidays, null);
    }

    public static HolidayFileResult ParseICalendar(string text)
    {
        var lines = Unfold(Lines(text));
        if (!lines.Any(l => l.Trim().Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
            return HolidayFileResult.Failed("Berkas bukan iCalendar yang sah: tidak ada BEGIN:VCALENDAR.");

        var holidays = new List<HolidayDate>();
        var eventNumber = 0;
        Dictionary<string, (string Parameters, string Value)>? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                if (current is not null) return HolidayFileResult.Failed($"Acara ke-{eventNumber} tidak ditutup dengan END:VEVENT.");
                eventNumber++;
                current = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
                continue;
            }
            if (line.Equals("END:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                if (current is null) return HolidayFileResult.Failed("END:VEVENT tanpa BEGIN:VEVENT.");
                if (ReadEvent(current, eventNumber, holidays) is { } problem) return HolidayFileResult.Failed(problem);
                current = null;
                continue;
            }
            if (current is null) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) return HolidayFileResult.Failed($"Acara ke-{eventNumber}: baris \"{Shorten(line)}\" tidak sah.");
            var nameAndParameters = line[..colon];
            var semicolon = nameAndParameters.IndexOf(';');
            var name = semicolon < 0 ? nameAndParameters : nameAndParameters[..semicolon];
            var parameters = semicolon < 0 ? "" : nameAndParameters[(semicolon + 1)..];
            current.TryAdd(name, (parameters, line[(colon + 1)..]));
        }
        if (current is not null) return HolidayFileResult.Failed($"Acara ke-{eventNumber} tidak ditutup dengan END:VEVENT.");
        return holidays.Count == 0
            ? HolidayFileResult.Failed("Berkas tidak berisi satu pun acara (VEVENT).")
            : new HolidayFileResult(holidays, null);
    }

    /// <summary>
    /// Why these holidays cannot be added to the table for <paramref name="year"/>: dates outside the year,
    /// a date twice in the file, or a date already stored. Null when they can.
    /// </summary>
    public static string? ImportProblem(IReadOnlyList<HolidayDate> holidays, int year, IReadOnlyDictionary<DateOnly, string> existing)
    {
        if (holidays.Count == 0) return "Berkas tidak berisi satu pun hari libur.";
        var outside = holidays.Where(h => h.Date.Year != year).ToList();
        if (outside.Count > 0)
            return $"Semua tanggal harus di tahun {year}; di luar tahun itu: {List(outside.Select(h => $"{IndonesianFormat.Date(h.Date)} ({h.Name})"))}.";
        var twice = holidays.GroupBy(h => h.Date).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
            return $"Tanggal ganda di dalam berkas: {List(twice.Select(IndonesianFormat.Date))}. Setiap tanggal hanya boleh muncul sekali.";
        var stored = holidays.Where(h => existing.ContainsKey(h.Date)).ToList();
        if (stored.Count > 0)
            return $"Tanggal sudah ada di tabel hari libur: {List(stored.Select(h => $"{IndonesianFormat.Date(h.Date)} ({existing[h.Date]})"))}. "
                + "Hapus baris yang ada dahulu atau buang tanggal itu dari berkas.";
        return null;
    }

    public static string? NameProblem(string name) =>
        name.Length == 0 ? "nama hari libur wajib diisi."
        : name.Length > MaxNameLength ? $"nama hari libur paling banyak {MaxNameLength} karakter."
        : null;

    public static HolidayKind? ParseKind(string text) =>
        new string(text.Where(char.IsLetter).ToArray()).ToLowerInvariant() switch
        {
            "liburnasional" => HolidayKind.LiburNasional,
            "cutibersama" => HolidayKind.CutiBersama,
            "liburdaerah" => HolidayKind.LiburDaerah,
            _ => null,
        };

    private static string? ReadEvent(Dictionary<string, (string Parameters, string Value)> properties, int number, List<HolidayDate> holidays)
    {
        var summary = properties.TryGetValue("SUMMARY", out var s) ? UnescapeText(s.Value).Trim() : "";
        var label = summary.Length > 0 ? $"Acara ke-{number} (\"{Shorten(summary)}\")" : $"Acara ke-{number}";
        if (!properties.TryGetValue("DTSTART", out var startProperty)) return $"{label} tidak memiliki DTSTART.";
        if (ParseDate(startProperty.Value) is not { } start)
            return $"{label}: DTSTART \"{startProperty.Value}\" harus tanggal saja (DTSTART;VALUE=DATE:yyyyMMdd).";
        if (NameProblem(summary) is { } nameProblem) return $"{label}: {nameProblem.Replace("nama hari libur", "SUMMARY")}";

        var days = 1;
        if (properties.TryGetValue("DTEND", out var endProperty))
        {
            if (ParseDate(endProperty.Value) is not { } end)
                return $"{label}: DTEND \"{endProperty.Value}\" harus tanggal saja (DTEND;VALUE=DATE:yyyyMMdd).";
            days = Math.Max(1, end.DayNumber - start.DayNumber);
            if (days > MaxEventDays) return $"{label} berlangsung {days} hari; paling lama {MaxEventDays} hari.";
        }
        var kind = summary.Contains("cuti bersama", StringComparison.OrdinalIgnoreCase) ? HolidayKind.CutiBersama : HolidayKind.LiburNasional;
        for (var day = 0; day < days; day++) holidays.Add(new HolidayDate(start.AddDays(day), summary, kind));
        return null;
    }

    private static DateOnly? CsvDate(string text) =>
        DateOnly.TryParseExact(text, CsvDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : SkbHolidayList.ParseDate(text);

    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static List<string> Lines(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();

    /// <summary>RFC 5545 line folding: a line starting with a space or tab continues the previous one.</summary>
    private static List<string> Unfold(List<string> lines)
    {
        var unfolded = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && unfolded.Count > 0) unfolded[^1] += line[1..];
            else unfolded.Add(line);
        }
        return unfolded;
    }

    private static string UnescapeText(string value) => value
        .Replace("\\n", " ").Replace("\\N", " ").Replace("\\,", ",").Replace("\\;", ";").Replace("\\\\", "\\");

    /// <summary>Excel in Indonesian settings saves CSV with semicolons; take whichever separator the first line uses more.</summary>
    private static char DetectDelimiter(string line)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>One CSV line into fields, with "quoted" fields and "" for a quote; null when a quote is left open.</summary>
    private static List<string>? SplitCsvLine(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 5 ? string.Join(", ", all) : string.Join(", ", all.Take(5)) + $" dan {all.Count - 5} lainnya";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
