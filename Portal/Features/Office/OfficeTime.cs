using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Office;

/// <summary>
/// Dates and times as the office shows them: in its zone (WIB, WITA or WIT, from the office profile) with that
/// zone's label. One per host, reading the profile on every call, so a change applies at once and two portals in
/// one process keep their own zones.
/// </summary>
public sealed class OfficeTime
{
    private readonly Func<OfficeZone> zone;

    public OfficeTime(OfficeProfileStore profile) : this(() => profile.Current.Zone)
    {
    }

    private OfficeTime(Func<OfficeZone> zone) => this.zone = zone;

    /// <summary>Always in one zone, for component tests that run without the office profile.</summary>
    public static OfficeTime In(OfficeZone zone) => new(() => zone);

    public OfficeZone Zone => zone();

    /// <summary>WIB, WITA or WIT.</summary>
    public string Label => Zone.Label;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => Zone.ToLocal(instant);

    public DateOnly LocalDate(DateTimeOffset instant) => Zone.LocalDate(instant);

    public DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow());

    /// <summary>The instant the office's day <paramref name="date"/> begins.</summary>
    public DateTimeOffset StartOf(DateOnly date) => Zone.Instant(date, TimeOnly.MinValue);

    /// <summary>e.g. "25 Nov 2026 10.00 WITA".</summary>
    public string DateTime(DateTimeOffset instant) => Zone.DateTimeText(instant);

    /// <summary>e.g. "25 Nov 10.00", for cards on a screen that already names the zone.</summary>
    public string Short(DateTimeOffset instant) => Zone.ShortText(instant);

    /// <summary>e.g. "25 Nov 2026", the office's date of the instant.</summary>
    public string Date(DateTimeOffset instant) => Zone.DateText(instant);

    public string Date(DateOnly date) => IndonesianFormat.Date(date);

    public string LongDate(DateOnly date) => IndonesianFormat.LongDate(date);
}
