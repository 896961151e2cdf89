using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Operations.Health;

/// <summary>
/// The Hangfire job server (alerts, e-mails) reports a heartbeat every 30 s; a stopped server removes itself.
/// Registered only where this host runs the server (Alerts:RunServer).
/// </summary>
public sealed class JobServerHealthCheck(JobStorage storage, PortalStart start, TimeProvider clock, IOptions<HealthOptions> options,
    OfficeTime officeTime) : IHealthCheck
{
    public const string Name = "tugas-latar";
    private const string Title = "Pemroses tugas latar";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var heartbeats = storage.GetMonitoringApi().Servers()
            .Where(server => server.Heartbeat is not null)
            .Select(server => new DateTimeOffset(DateTime.SpecifyKind(server.Heartbeat!.Value, DateTimeKind.Utc)))
            .ToList();
        // Hangfire stamps heartbeats with its own clock; one slightly ahead of the portal's counts as fresh.
        var fresh = heartbeats.Count(heartbeat => now - heartbeat <= options.Value.JobServerHeartbeatMaxAge);
        var result = fresh > 0
            ? HealthTexts.Result(HealthStatus.Healthy, Title, "Pemroses tugas latar aktif: peringatan keterlambatan dan e-mail diproses.")
            : now - start.At < options.Value.StartupGrace
                ? HealthTexts.Result(HealthStatus.Degraded, Title, "Pemroses tugas latar sedang dimulai.")
                : heartbeats.Count == 0
                    ? HealthTexts.Result(HealthStatus.Unhealthy, Title,
                        "Pemroses tugas latar tidak berjalan: peringatan keterlambatan dan e-mail tidak diproses.")
                    : HealthTexts.Result(HealthStatus.Unhealthy, Title,
                        $"Pemroses tugas latar tidak memberi tanda sejak {officeTime.DateTime(heartbeats.Max())}: mungkin macet.");
        return Task.FromResult(result);
    }
}
