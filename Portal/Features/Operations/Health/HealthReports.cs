using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Portal.Features.Operations.Health;

/// <summary>A health report and when it was taken.</summary>
public sealed record PortalHealth(HealthReport Report, DateTimeOffset CheckedAt)
{
    public HealthStatus Status => Report.Status;

    /// <summary>Every registered check, in registration order, with words a person may read.</summary>
    public IReadOnlyList<CheckLine> Checks => Report.Entries
        .Select(entry => new CheckLine(entry.Key, HealthTexts.Title(entry.Key, entry.Value), entry.Value.Status,
            HealthTexts.Description(entry.Value), entry.Value.Duration))
        .ToList();
}

public sealed record CheckLine(string Name, string Title, HealthStatus Status, string Description, TimeSpan Duration);

/// <summary>
/// Runs all registered health checks, one run at a time, and reuses a result younger than
/// <see cref="HealthOptions.CacheDuration"/>: a monitor (or anyone) polling /sehat hard cannot pile up database writes.
/// </summary>
public sealed class HealthReports(HealthCheckService checks, TimeProvider clock, IOptions<HealthOptions> options)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private PortalHealth? last;

    /// <param name="fresh">Run the checks now even when a recent result exists (the administrator's refresh button).</param>
    public async Task<PortalHealth> GetAsync(bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (!fresh && Recent() is { } recent) return recent;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!fresh && Recent() is { } meanwhile) return meanwhile;
            var report = await checks.CheckHealthAsync(cancellationToken);
            return last = new PortalHealth(report, clock.GetUtcNow());
        }
        finally
        {
            gate.Release();
        }
    }

    private PortalHealth? Recent() =>
        last is { } health && clock.GetUtcNow() - health.CheckedAt < options.Value.CacheDuration ? health : null;
}
