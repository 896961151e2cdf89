using System.Globalization;
using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>How reports write dates, numbers and money: Indonesian culture, times in the office's zone.</summary>
internal static class ReportFormat
{
    public static readonly CultureInfo Culture = Portal.Domain.IndonesianFormat.Culture;

    public const string Missing = "—";

    /// <summary>The local time without the zone's label: a column heading or the sentence names it.</summary>
    public static string DateTime(OfficeZone zone, DateTimeOffset value) => zone.ToLocal(value).ToString("dd MMM yyyy HH:mm", Culture);

    public static string DateTime(OfficeZone zone, DateTimeOffset? value) => value is { } v ? DateTime(zone, v) : Missing;

    public static string Date(DateOnly value) => value.ToString("dd MMMM yyyy", Culture);

    public static string Rupiah(decimal? value) => value is { } v ? "Rp " + v.ToString("N0", Culture) : Missing;

    public static string Number(int? value) => value?.ToString(Culture) ?? Missing;

    public static string Decimal(double? value) => value?.ToString("0.0", Culture) ?? Missing;

    public static string Percent(int part, int whole) =>
        whole == 0 ? Missing : (100.0 * part / whole).ToString("0.#", Culture) + "%";

    public static string Upper(string text) => text.ToUpper(Culture);
}
