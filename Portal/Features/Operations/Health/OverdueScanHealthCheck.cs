using Cronos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Office;

namespace Portal.Features.Operations.Health;

/// <summary>
/// The overdue scan ran recently enough: late once the second scheduled run after the last one (or after this start)
/// is due, i.e. older than twice its interval for a regular cron like every 5 minutes (irregular crons too).
/// </summary>
public sealed class OverdueScanHealthCheck(IDbContextFactory<PortalDbContext> dbFactory, AlertSchedule schedule, SettingsStore settings,
    PortalStart start, TimeProvider clock, OfficeTime officeTime) : IHealthCheck
{
    public const string Name = "pemeriksaan-keterlambatan";
    private const string Title = "Pemeriksaan keterlambatan";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cronText = schedule.OverdueScanCron ?? (await settings.GetAsync(cancellationToken)).OverdueScanCron;
        if (!TryParse(cronText, out var cron))
            return HealthTexts.Result(HealthStatus.Degraded, Title, "Jadwal pemeriksaan keterlambatan tidak dapat dibaca; periksa halaman Pengaturan.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.ScanRecords.AsNoTracking()
            .Where(r => r.Job == AlertSchedule.OverdueScanId)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.StartedAt, r.Failures })
            .FirstOrDefaultAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var since = last is null || last.StartedAt < start.At ? start.At : last.StartedAt;
        var deadline = Deadline(cron, since, officeTime.Zone.Zone);
        var lastText = last is null ? "belum pernah berjalan" : $"terakhir berjalan {officeTime.DateTime(last.StartedAt)}";
        if (deadline is { } due && now > due)
            return HealthTexts.Result(HealthStatus.Unhealthy, Title,
                $"Pemeriksaan keterlambatan {lastText} dan sudah terlewat dari jadwalnya: peringatan tidak dikirim.");
        if (last is { Failures: > 0 })
            return HealthTexts.Result(HealthStatus.Degraded, Title,
                $"Pemeriksaan keterlambatan {lastText} dengan {last.Failures} kegagalan; lihat halaman Peringatan dan e-mail.");
        return HealthTexts.Result(HealthStatus.Healthy, Title, last is null
            ? "Portal baru dimulai; pemeriksaan keterlambatan pertama segera berjalan."
            : $"Pemeriksaan keterlambatan {lastText}.");
    }

    /// <summary>The second scheduled run after <paramref name="since"/> (cron times are in the office's zone).</summary>
    private static DateTimeOffset? Deadline(CronExpression cron, DateTimeOffset since, TimeZoneInfo zone) =>
        cron.GetNextOccurrence(since, zone) is { } next ? cron.GetNextOccurrence(next, zone) : null;

    private static bool TryParse(string? text, out CronExpression cron)
    {
        cron = default!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            cron = CronExpression.Parse(text);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
