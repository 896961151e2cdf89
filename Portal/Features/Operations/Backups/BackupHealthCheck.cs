using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Operations.Backups;

/// <summary>Healthy while the newest verified backup is younger than the allowed age (26 hours by default).</summary>
public sealed class BackupHealthCheck(BackupMonitor monitor, OfficeTime officeTime) : IHealthCheck
{
    public const string Name = "cadangan";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await monitor.ReadAsync(cancellationToken);
        // "judul": the Indonesian title the health page and /sehat show for a check.
        var data = new Dictionary<string, object> { ["judul"] = $"Cadangan terverifikasi dalam {monitor.MaxAge.TotalHours:0} jam terakhir" };

        if (!state.Overdue)
        {
            return state.LastVerified is { } recent
                ? HealthCheckResult.Healthy($"Cadangan terverifikasi terakhir: {officeTime.DateTime(recent.TakenAt)}.", data)
                : HealthCheckResult.Degraded("Belum ada cadangan; cadangan pertama dibuat pada jadwal malam berikutnya.", data: data);
        }
        var description = state.LastVerified is { } old
            ? $"Cadangan terverifikasi terakhir {officeTime.DateTime(old.TakenAt)}, lebih tua dari {monitor.MaxAge.TotalHours:0} jam."
            : $"Belum ada cadangan terverifikasi dalam {monitor.MaxAge.TotalHours:0} jam terakhir.";
        return new HealthCheckResult(context.Registration.FailureStatus, description, data: data);
    }
}
