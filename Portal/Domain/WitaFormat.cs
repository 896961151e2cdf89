using System.Globalization;

namespace Portal.Domain;

/// <summary>How times are shown: stored in UTC, shown in WITA with the Indonesian culture.</summary>
public static class WitaFormat
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string DateTime(DateTimeOffset instant) =>
        WorkingCalendar.ToWita(instant).ToString("dd MMM yyyy HH:mm", Indonesian) + " WITA";

    /// <summary>Compact form for cards, where the screen already says WITA.</summary>
    public static string Short(DateTimeOffset instant) =>
        WorkingCalendar.ToWita(instant).ToString("dd MMM HH:mm", Indonesian);

    public static string Date(DateTimeOffset instant) =>
        WorkingCalendar.ToWita(instant).ToString("dd MMM yyyy", Indonesian);

    public static string Date(DateOnly date) => date.ToString("dd MMM yyyy", Indonesian);

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);
}
