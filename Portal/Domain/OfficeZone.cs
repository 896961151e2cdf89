namespace Portal.Domain;

/// <summary>
/// The office's time zone: one of Indonesia's three, with the label every page shows beside a time
/// (WIB, WITA, WIT). Fixed offsets are exact: none of them has had daylight saving since 1964.
/// </summary>
public sealed record OfficeZone(string Id, string Label, TimeZoneInfo Zone)
{
    public static OfficeZone Wib { get; } = Create("Asia/Jakarta", "WIB", 7);
    public static OfficeZone Wita { get; } = Create("Asia/Makassar", "WITA", 8);
    public static OfficeZone Wit { get; } = Create("Asia/Jayapura", "WIT", 9);

    public static IReadOnlyList<OfficeZone> All { get; } = [Wib, Wita, Wit];

    /// <summary>The zone for an IANA id the portal supports, or null.</summary>
    public static OfficeZone? FromId(string? id) => All.FirstOrDefault(z => string.Equals(z.Id, id, StringComparison.Ordinal));

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The UTC instant of a local wall-clock time in this zone.</summary>
    public DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static OfficeZone Create(string id, string label, int hours)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata.
            zone = TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(hours), label, label);
        }
        return new OfficeZone(id, label, zone);
    }
}
