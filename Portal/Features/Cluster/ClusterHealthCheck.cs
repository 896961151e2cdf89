using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Features.Office;
using Portal.Features.Operations.Health;

namespace Portal.Features.Cluster;

/// <summary>
/// Whether this instance hears the changes made on the portal's other instances (PostgreSQL only). Not hearing them is
/// a degradation, not a failure: the boards here still read themselves again every minute, and everything is read again
/// once the listener is back.
/// </summary>
public sealed class ClusterHealthCheck(ClusterListener listener, PortalStart start, TimeProvider clock, IOptions<HealthOptions> options,
    OfficeTime officeTime) : IHealthCheck
{
    public const string Name = "antar-server";
    private const string Title = "Pembaruan antar-server";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = listener.State;
        var result = state switch
        {
            { Listening: true } => HealthTexts.Result(HealthStatus.Healthy, Title,
                "Perubahan yang dibuat di server lain langsung tampil di papan server ini."),
            { LostAt: { } lostAt } => HealthTexts.Result(HealthStatus.Degraded, Title,
                $"Sambungan untuk menerima perubahan dari server lain terputus sejak {officeTime.DateTime(lostAt)} (percobaan ke-{state.Failures}). "
                + "Papan di server ini tetap diperbarui setiap menit dan dibaca ulang seluruhnya begitu tersambung kembali."),
            _ when clock.GetUtcNow() - start.At < options.Value.StartupGrace => HealthTexts.Result(HealthStatus.Degraded, Title,
                "Sambungan untuk menerima perubahan dari server lain sedang dibuka."),
            _ => HealthTexts.Result(HealthStatus.Degraded, Title,
                "Sambungan untuk menerima perubahan dari server lain belum terbuka; papan di server ini diperbarui setiap menit."),
        };
        return Task.FromResult(result);
    }
}
