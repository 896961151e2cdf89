using Portal.Data.Entities;

namespace Portal.Features.Alerts;

public static class ScanRecords
{
    private const int MaxDetailLength = 4000;

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
