using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.SopImport;

/// <summary>What the Waktu column of an SOP table says: a duration, no duration (empty), or words that are not one.</summary>
public sealed record SopWaktuReading(SopDuration? Duration, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Reads and writes the Waktu column: "2 minggu" (10 hari kerja), "2 hari" / "2 hari kerja", "3 hari kalender",
/// "4 jam", "30 menit"; a number may be followed by its words in brackets ("2 (dua) hari"). Empty or a dash means
/// the step has no time limit.
/// </summary>
public static partial class SopWaktu
{
    public const int WorkingDaysPerWeek = 5;
    public const string Examples = "\"2 hari\", \"1 minggu\", \"3 hari kalender\", \"4 jam\" atau \"30 menit\"";

    public static SopWaktuReading Read(string? text)
    {
        var trimmed = Spaces().Replace(text ?? "", " ").Trim();
        if (trimmed.Length == 0 || trimmed is "-" or "–" or "—") return new SopWaktuReading(null, null);

        var match = Waktu().Match(NumberInWords().Replace(trimmed, " "));
        if (!match.Success) return Unreadable(trimmed);
        if (!int.TryParse(match.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            return new SopWaktuReading(null, $"waktu \"{trimmed}\" harus lebih dari 0.");
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var calendar = match.Groups["calendar"].Success;
        if (calendar && unit != "hari") return Unreadable(trimmed);
        SopDuration duration = unit switch
        {
            "minggu" => new SopDuration(value * WorkingDaysPerWeek, DurationUnit.WorkingDays),
            "hari" when calendar => new SopDuration(value, DurationUnit.CalendarDays),
            "hari" => new SopDuration(value, DurationUnit.WorkingDays),
            "jam" => new SopDuration(value, DurationUnit.WorkingHours),
            _ => new SopDuration(value, DurationUnit.WorkingMinutes),
        };
        return new SopWaktuReading(duration, null);
    }

    /// <summary>The words the Waktu column holds for a duration; reading them back gives the same duration.</summary>
    public static string Text(SopDuration? duration) => duration switch
    {
        null => "",
        { Unit: DurationUnit.WorkingDays, Value: var v } when v % WorkingDaysPerWeek == 0 => $"{v / WorkingDaysPerWeek} minggu",
        { Unit: DurationUnit.WorkingDays, Value: var v } => $"{v} hari",
        { Unit: DurationUnit.CalendarDays, Value: var v } => $"{v} hari kalender",
        { Unit: DurationUnit.WorkingHours, Value: var v } => $"{v} jam",
        { Value: var v } => $"{v} menit",
    };

    /// <summary>How the preview names a duration: in the unit the workflow counts it in.</summary>
    public static string Describe(SopDuration? duration) => duration switch
    {
        null => "tanpa batas waktu",
        { Unit: DurationUnit.WorkingDays, Value: var v } => $"{v} hari kerja",
        { Unit: DurationUnit.CalendarDays, Value: var v } => $"{v} hari kalender",
        { Unit: DurationUnit.WorkingHours, Value: var v } => $"{v} jam kerja",
        { Value: var v } => $"{v} menit kerja",
    };

    private static SopWaktuReading Unreadable(string text) =>
        new(null, $"waktu \"{text}\" tidak dikenali; tulis misalnya {Examples}, atau kosongkan bila tanpa batas waktu.");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>"(dua)" after the number, as letters and official documents write it.</summary>
    [GeneratedRegex(@"\(\s*[\p{L} ]+\s*\)")]
    private static partial Regex NumberInWords();

    [GeneratedRegex(@"^\s*(?<value>\d+)\s*(?<unit>minggu|hari|jam|menit)(\s+(?<calendar>kalender)|\s+kerja)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Waktu();
}
