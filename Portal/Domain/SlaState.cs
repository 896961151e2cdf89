namespace Portal.Domain;

public enum SlaLevel { NoDeadline, OnTime, DueSoon, Late }

public sealed record SlaStatus(SlaLevel Level, int WorkingDaysRemaining, int WorkingDaysLate)
{
    /// <summary>Bahasa Indonesia label for the UI.</summary>
    public string Label => Level switch
    {
        SlaLevel.NoDeadline => "tanpa tenggat",
        SlaLevel.OnTime => "tepat waktu",
        SlaLevel.DueSoon => "segera jatuh tempo",
        SlaLevel.Late when WorkingDaysLate == 0 => "terlambat hari ini",
        SlaLevel.Late => $"terlambat {WorkingDaysLate} hari kerja",
        _ => throw new InvalidOperationException($"Unknown SLA level {Level}."),
    };
}

/// <summary>The single definition of "late" shared by the board, the alerts job and the TV screen.</summary>
public static class SlaRules
{
    public static SlaStatus Evaluate(
        this WorkingCalendar calendar, DateTimeOffset? dueAt, DateTimeOffset now, int dueSoonWorkingDays = 1)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonWorkingDays);

        if (dueAt is not { } due)
        {
            return new SlaStatus(SlaLevel.NoDeadline, 0, 0);
        }
        if (now > due)
        {
            return new SlaStatus(SlaLevel.Late, 0, calendar.WorkingDaysLate(due, now));
        }

        var remaining = calendar.WorkingDaysRemaining(due, now);
        var level = remaining <= dueSoonWorkingDays ? SlaLevel.DueSoon : SlaLevel.OnTime;
        return new SlaStatus(level, remaining, 0);
    }
}
