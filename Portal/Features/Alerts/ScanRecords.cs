using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Alerts;

public static class ScanRecords
{
    private const int MaxDetailLength = 4000;

    /// <summary>
    /// True when a run of the job started at or after <paramref name="requestedAt"/> and finished without failures: it has
    /// done what a request made then asked for. A request without a time (a direct call) is never covered.
    /// </summary>
    public static async Task<bool> CoveredAsync(IDbContextFactory<PortalDbContext> dbFactory, string job, DateTimeOffset? requestedAt,
        CancellationToken cancellationToken)
    {
        if (requestedAt is not { } since) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ScanRecords.AnyAsync(r => r.Job == job && r.StartedAt >= since && r.Failures == 0, cancellationToken);
    }

    public static ScanRecord From(string job, DateTimeOffset startedAt, ScanOutcome outcome, IReadOnlyList<string> failures, string? note = null)
    {
        var detail = failures.Count == 0 ? null : string.Join(Environment.NewLine, failures);
        return new ScanRecord
        {
            Job = job,
            StartedAt = startedAt,
            DurationMilliseconds = Math.Round(outcome.Duration.TotalMilliseconds, 1),
            RunsExamined = outcome.RunsExamined,
            AlertsCreated = outcome.AlertsCreated,
            Failures = outcome.Failures,
            FailureDetail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            Note = note,
        };
    }
}
