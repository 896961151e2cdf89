namespace Portal.Domain;

/// <summary>
/// The unit a step's time is counted and spoken in, taken from its waktu: "hari" and "minggu" in working days,
/// "hari kalender" in calendar days, "jam" and "menit" in office time (only inside office hours on working days).
/// </summary>
public enum StepTimeUnit { WorkingDays, CalendarDays, WorkingTime }

/// <summary>An amount of a step's time (spent in it, left before its due instant, or past it) in the step's own unit.</summary>
/// <param name="Days">Working or calendar days; zero for <see cref="StepTimeUnit.WorkingTime"/>.</param>
/// <param name="Time">Office time; zero for the day units.</param>
public readonly record struct StepTime(StepTimeUnit Unit, int Days, TimeSpan Time)
{
    public static StepTimeUnit UnitOf(SopDuration? duration) => duration?.Unit switch
    {
        DurationUnit.WorkingHours or DurationUnit.WorkingMinutes => StepTimeUnit.WorkingTime,
        DurationUnit.CalendarDays => StepTimeUnit.CalendarDays,
        _ => StepTimeUnit.WorkingDays,
    };

    public static StepTime InWorkingDays(int days) => new(StepTimeUnit.WorkingDays, days, TimeSpan.Zero);

    public static StepTime InCalendarDays(int days) => new(StepTimeUnit.CalendarDays, days, TimeSpan.Zero);

    public static StepTime InWorkingTime(TimeSpan time) => new(StepTimeUnit.WorkingTime, 0, time);

    /// <summary>"3 hari kerja", "4 hari kalender", "1 jam 20 menit kerja".</summary>
    public string Text => StepTimeText.Amount(this);

    public override string ToString() => Text;
}

/// <summary>Counting a step's time in its own unit.</summary>
public static class StepTimeCounting
{
    /// <summary>The time between two instants in the unit of the step's waktu (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static StepTime TimeBetween(this WorkingCalendar calendar, SopDuration? duration, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return StepTime.UnitOf(duration) switch
        {
            StepTimeUnit.WorkingTime => StepTime.InWorkingTime(calendar.WorkingTimeBetween(from, to)),
            StepTimeUnit.CalendarDays => StepTime.InCalendarDays(calendar.CalendarDaysBetween(from, to)),
            _ => StepTime.InWorkingDays(calendar.WorkingDaysElapsed(from, to)),
        };
    }

    /// <summary>Office dates passed from one instant to another (0 on the same date, or when <paramref name="to"/> is earlier).</summary>
    public static int CalendarDaysBetween(this WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Math.Max(0, calendar.LocalDate(to).DayNumber - calendar.LocalDate(from).DayNumber);
    }
}
