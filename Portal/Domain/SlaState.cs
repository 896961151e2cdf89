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

    /// <summary>The step's waktu is in calendar days: what is left and how late it is are then counted in calendar days.</summary>
    public bool CountsCalendarDays { get; init; }

    /// <summary>Calendar days left before the due date (calendar-day steps only).</summary>
    public int CalendarDaysRemaining { get; init; }

    /// <summary>Calendar days since the due date (calendar-day steps only).</summary>
    public int CalendarDaysLate { get; init; }

    public bool CountsWorkingTime => StepWorkingTime is not null;

    /// <summary>The unit of the step's waktu, in which its time left and its lateness are counted and worded.</summary>
    public StepTimeUnit Unit => CountsWorkingTime ? StepTimeUnit.WorkingTime : CountsCalendarDays ? StepTimeUnit.CalendarDays : StepTimeUnit.WorkingDays;

    /// <summary>What is left before the due instant, in the step's unit.</summary>
    public StepTime Remaining => Unit switch
    {
        StepTimeUnit.WorkingTime => StepTime.InWorkingTime(WorkingTimeRemaining),
        StepTimeUnit.CalendarDays => StepTime.InCalendarDays(CalendarDaysRemaining),
        _ => StepTime.InWorkingDays(WorkingDaysRemaining),
    };

    /// <summary>How far past the due instant it is, in the step's unit.</summary>
    public StepTime LateBy => Unit switch
    {
        StepTimeUnit.WorkingTime => StepTime.InWorkingTime(WorkingTimeLate),
        StepTimeUnit.CalendarDays => StepTime.InCalendarDays(CalendarDaysLate),
        _ => StepTime.InWorkingDays(WorkingDaysLate),
    };

    /// <summary>The state in words, e.g. "tepat waktu" or "terlambat 2 jam kerja" (see <see cref="StepTimeText.Status"/>).</summary>
    public string Label => StepTimeText.Status(this);

    /// <summary>What is left before the due instant, e.g. "2 hari kerja" or "30 menit kerja".</summary>
    public string RemainingLabel => Remaining.Text;
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
        var calendarDays = duration is { Unit: DurationUnit.CalendarDays };
        if (now > due)
        {
            return new SlaStatus(SlaLevel.Late, 0, calendar.WorkingDaysLate(due, now))
            {
                StepWorkingTime = stepWorkingTime,
                WorkingTimeLate = stepWorkingTime is null ? TimeSpan.Zero : calendar.WorkingTimeBetween(due, now),
                CountsCalendarDays = calendarDays,
                CalendarDaysLate = calendarDays ? calendar.CalendarDaysBetween(due, now) : 0,
            };
        }

        var remaining = calendar.WorkingDaysRemaining(due, now);
        var dueSoon = remaining <= dueSoonWorkingDays;
        if (stepWorkingTime is not { } waktu)
        {
            return new SlaStatus(dueSoon ? SlaLevel.DueSoon : SlaLevel.OnTime, remaining, 0)
            {
                CountsCalendarDays = calendarDays,
                CalendarDaysRemaining = calendarDays ? calendar.CalendarDaysBetween(now, due) : 0,
            };
        }

        var timeLeft = calendar.WorkingTimeBetween(now, due);
        var window = waktu / 4 > MinimumDueSoonWorkingTime ? waktu / 4 : MinimumDueSoonWorkingTime;
        return new SlaStatus(dueSoon && timeLeft <= window ? SlaLevel.DueSoon : SlaLevel.OnTime, remaining, 0)
        {
            StepWorkingTime = waktu,
            WorkingTimeRemaining = timeLeft,
        };
    }
}
