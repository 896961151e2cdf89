namespace Portal.Data.Entities;

/// <summary>One run of an alert job (overdue scan or daily digest), shown to administrators.</summary>
public sealed class ScanRecord
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public double DurationMilliseconds { get; set; }
    public int RunsExamined { get; set; }
    public int AlertsCreated { get; set; }
    public int Failures { get; set; }
    public string? FailureDetail { get; set; }
    public string? Note { get; set; }
}
