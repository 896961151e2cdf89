using System.Globalization;
using Portal.Domain;

namespace Portal.Tests.Domain;

internal static class TestCalendar
{
    public static readonly TimeSpan WitaOffset = TimeSpan.FromHours(8);

    public static WorkingCalendar Create2026() =>
        new(Holidays2026.All.Select(h => h.Date), new TimeOnly(16, 0));

    /// <summary>An office with the 2026 holidays, its own hours and zone.</summary>
    public static WorkingCalendar Office(OfficeHours hours, OfficeZone zone) =>
        new(Holidays2026.All.Select(h => h.Date), hours, zone);

    /// <summary>Parses "yyyy-MM-dd HH:mm" as a wall-clock time in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Local(string local, OfficeZone zone)
    {
        var time = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(time, zone.Zone.GetUtcOffset(time));
    }

    /// <summary>Parses "yyyy-MM-dd HH:mm" as a WITA (UTC+8) wall-clock time.</summary>
    public static DateTimeOffset Wita(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), WitaOffset);

    public static DateOnly Date(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
