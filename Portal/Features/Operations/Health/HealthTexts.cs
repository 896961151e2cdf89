using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor;
using Portal.Domain;

namespace Portal.Features.Operations.Health;

/// <summary>
/// The words of /sehat and the health page. A check names itself in Indonesian with <see cref="Result"/>
/// (data key "judul"); a check without it is shown under its registration name.
/// </summary>
public static class HealthTexts
{
    public const string TitleKey = "judul";

    public const string CheckCrashed = "Pemeriksaan ini gagal dijalankan; rinciannya ada di log server.";
    public const string CheckTimedOut = "Pemeriksaan ini tidak selesai dalam batas waktu.";

    public static HealthCheckResult Result(HealthStatus status, string title, string description) =>
        new(status, description, data: new Dictionary<string, object> { [TitleKey] = title });

    public static string Title(string name, HealthReportEntry entry) =>
        entry.Data.TryGetValue(TitleKey, out var title) && title is string text ? text : name;

    /// <summary>What a person may read: a check's own words, never an exception's message (it may hold a server path).</summary>
    public static string Description(HealthReportEntry entry) => entry.Exception switch
    {
        OperationCanceledException => CheckTimedOut,
        not null => CheckCrashed,
        null => entry.Description ?? "",
    };

    public static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "Baik",
        HealthStatus.Degraded => "Perlu perhatian",
        _ => "Bermasalah",
    };

    public static string Summary(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "Semua pemeriksaan baik.",
        HealthStatus.Degraded => "Portal berjalan, tetapi ada yang perlu diperhatikan.",
        _ => "Ada masalah yang perlu segera ditangani pranata komputer.",
    };

    public static Color StatusColor(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => Color.Success,
        HealthStatus.Degraded => Color.Warning,
        _ => Color.Error,
    };

    public static Severity StatusSeverity(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => Severity.Success,
        HealthStatus.Degraded => Severity.Warning,
        _ => Severity.Error,
    };

    public static string Size(long bytes) =>
        bytes >= Gigabyte
            ? (bytes / (double)Gigabyte).ToString("N1", IndonesianFormat.Culture) + " GB"
            : (bytes / (double)Megabyte).ToString("N0", IndonesianFormat.Culture) + " MB";

    public const long Megabyte = 1024L * 1024;
    private const long Gigabyte = 1024L * Megabyte;
}
