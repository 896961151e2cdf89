using System.Globalization;

namespace Portal.Domain;

/// <summary>Numbers and calendar dates in Indonesian (a calendar date needs no time zone; instants go through the office's zone).</summary>
public static class IndonesianFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    public static string Date(DateOnly date) => date.ToString("dd MMM yyyy", Culture);

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);
}

/// <summary>How an instant is written in an office's zone: <c>dd MMM yyyy HH:mm</c> in Indonesian, with the zone's label.</summary>
public static class OfficeZoneFormat
{
    public static string DateTimeText(this OfficeZone zone, DateTimeOffset instant) =>
        zone.ToLocal(instant).ToString("dd MMM yyyy HH:mm", IndonesianFormat.Culture) + " " + zone.Label;

    /// <summary>Compact form for cards, where the screen already names the zone.</summary>
    public static string ShortText(this OfficeZone zone, DateTimeOffset instant) =>
        zone.ToLocal(instant).ToString("dd MMM HH:mm", IndonesianFormat.Culture);

    public static string DateText(this OfficeZone zone, DateTimeOffset instant) =>
        zone.ToLocal(instant).ToString("dd MMM yyyy", IndonesianFormat.Culture);
}
