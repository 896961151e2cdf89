using System.Globalization;

namespace Portal.Features.Reports;

/// <summary>How reports write dates, numbers and money: Indonesian culture, times in WITA.</summary>
internal static class ReportFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    private const string Missing = "—";

    public static string DateTime(DateTimeOffset value) =>
        Portal.Domain.WorkingCalendar.ToWita(value).ToString("dd MMM yyyy HH:mm", Culture);

    public static string DateTime(DateTimeOffset? value) => value is { } v ? DateTime(v) : Missing;

    /// <summary>In the office's own zone, for reports that follow the office profile.</summary>
    public static string DateTime(DateTimeOffset? value, Portal.Domain.OfficeZone zone) =>
        value is { } v ? zone.ToLocal(v).ToString("dd MMM yyyy HH:mm", Culture) : Missing;

    public static string Date(DateOnly value) => value.ToString("dd MMMM yyyy", Culture);

    public static string Rupiah(decimal? value) => value is { } v ? "Rp " + v.ToString("N0", Culture) : Missing;

    public static string Number(int? value) => value?.ToString(Culture) ?? Missing;

    public static string Decimal(double? value) => value?.ToString("0.0", Culture) ?? Missing;

    public static string Percent(int part, int whole) =>
        whole == 0 ? Missing : (100.0 * part / whole).ToString("0.#", Culture) + "%";

    public static string Upper(string text) => text.ToUpper(Culture);
}
