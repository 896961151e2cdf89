using System.Globalization;

namespace Portal.Domain;

public enum SlaLevel { NoDeadline, OnTime, DueSoon, Late }

public sealed record SlaStatus(SlaLevel Level, int WorkingDaysRemaining, int WorkingDaysLate)
{
    /// <summary>The waktu of a step counted in hours or minutes; null for a step counted in days.</summary>
    public TimeSpan? StepWorkingTime { get; init; }

    /// <summary>Office time left before the due instant (hour and minute steps only).</summary>
    public TimeSpan WorkingTimeRemaining { get; init; }

    /// <summary>Office time passed since the due instant (hour and minute steps only).</summary>
    public TimeSpan WorkingTimeLate { get; init; }

    public bool CountsWorkingTime => StepWorkingTime is not null;

    /// <summary>Bahasa Indonesia label for the UI.</summary>
    public string Label => Level switch
    {
        SlaLevel.NoDeadline => "tanpa tenggat",
        SlaLevel.OnTime => "tepat waktu",
        SlaLevel.DueSoon => "segera jatuh tempo",
        SlaLevel.Late when CountsWorkingTime && WorkingTimeLate < TimeSpan.FromMinutes(1) => "terlambat kurang dari 1 menit kerja",
        SlaLevel.Late when CountsWorkingTime => $"terlambat {SlaRules.Words(WorkingTimeLate)} kerja",
        SlaLevel.Late when WorkingDaysLate == 0 => "terlambat hari ini",
        SlaLevel.Late => $"terlambat {WorkingDaysLate} hari kerja",
        _ => throw new InvalidOperationException($"Unknown SLA level {Level}."),
    };

    /// <summary>What is left before the due instant, e.g. "2 hari kerja" or "30 menit kerja".</summary>
    public string RemainingLabel => CountsWorkingTime
        ? $"{SlaRules.Words(WorkingTimeRemaining)} kerja"
        : $"{WorkingDaysRemaining} hari kerja";
}

/// <summary>
/// The single definition of "late" shared by the board, the alerts job, the reports and the TV screen.
/// A step is late once the instant passes its due instant. It is "segera jatuh tempo" before that when:
/// <list type="bullet">
/// <item>counted in days: at most <c>dueSoonWorkingDays</c> working days are left (0 = only on its due day);</item>
/// <item>counted in hours or minutes: the office time left is at most a quarter of its waktu or one working hour,
/// whichever is larger, and it is also within those working days (so the setting stays the outer bound that the
/// overdue scan relies on, see <see cref="AlertRules.DueSoonHorizon"/>).</item>
/// </list>
/// </summary>
public static class SlaRules
{
    public static readonly TimeSpan MinimumDueSoonWorkingTime = TimeSpan.FromHours(1);

    public static SlaStatus Evaluate(
        this WorkingCalendar calendar, DateTimeOffset? dueAt, SopDuration? duration, DateTimeOffset now, int dueSoonWorkingDays = 1)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonWorkingDays);

        if (dueAt is not { } due)
        {
            return new SlaStatus(SlaLevel.NoDeadline, 0, 0);
        }
        var stepWorkingTime = WorkingCalendar.WorkingTime(duration);
        if (now > due)
        {
            return new SlaStatus(SlaLevel.Late, 0, calendar.WorkingDaysLate(due, now))
            {
                StepWorkingTime = stepWorkingTime,
                WorkingTimeLate = stepWorkingTime is null ? TimeSpan.Zero : calendar.WorkingTimeBetween(due, now),
            };
        }

        var remaining = calendar.WorkingDaysRemaining(due, now);
        var dueSoon = remaining <= dueSoonWorkingDays;
        if (stepWorkingTime is not { } waktu)
        {
            return new SlaStatus(dueSoon ? SlaLevel.DueSoon : SlaLevel.OnTime, remaining, 0);
        }

        var timeLeft = calendar.WorkingTimeBetween(now, due);
        var window = waktu / 4 > MinimumDueSoonWorkingTime ? waktu / 4 : MinimumDueSoonWorkingTime;
        return new SlaStatus(dueSoon && timeLeft <= window ? SlaLevel.DueSoon : SlaLevel.OnTime, remaining, 0)
        {
            StepWorkingTime = waktu,
            WorkingTimeRemaining = timeLeft,
        };
    }

    /// <summary>"45 menit", "2 jam", "1 jam 20 menit" (whole minutes, rounded down).</summary>
    public static string Words(TimeSpan time)
    {
        var minutes = (long)Math.Floor(time.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => $"{rest.ToString(CultureInfo.InvariantCulture)} menit",
            (_, 0) => $"{hours.ToString(CultureInfo.InvariantCulture)} jam",
            _ => $"{hours.ToString(CultureInfo.InvariantCulture)} jam {rest.ToString(CultureInfo.InvariantCulture)} menit",
        };
    }
}
