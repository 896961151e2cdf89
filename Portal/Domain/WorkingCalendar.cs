namespace Portal.Domain;

/// <summary>
/// Working-time arithmetic for one office: its zone, its hours per weekday and the holiday table. Instants go
/// in as any offset and come out in UTC.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly TimeOnly DefaultOpening = new(7, 30);

    private readonly HashSet<DateOnly> _holidays;
    private readonly TimeOnly _usualClosing;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, OfficeHours hours, OfficeZone zone)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        if (hours.Days.Count == 0)
            throw new ArgumentException("The office must be open on at least one weekday.", nameof(hours));
        if (hours.Days.FirstOrDefault(d => d.Opens >= d.Closes) is { } closedAllDay)
            throw new ArgumentException($"On {closedAllDay.Day} the office closes before it opens.", nameof(hours));
        if (hours.Days.GroupBy(d => d.Day).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{twice.Key} has more than one set of hours.", nameof(hours));

        _holidays = new HashSet<DateOnly>(holidays);
        Hours = hours;
        Zone = zone;
        _usualClosing = hours.Days.GroupBy(d => d.Closes)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .First().Key;
    }

    /// <summary>A WITA office open Monday to Friday from 07.30 to <paramref name="officeClosingTime"/>.</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, TimeOnly officeClosingTime)
        : this(holidays, OfficeHours.Uniform(DefaultOpening, officeClosingTime), OfficeZone.Wita)
    {
    }

    public OfficeHours Hours { get; }

    public OfficeZone Zone { get; }

    /// <summary>The office's date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => Zone.LocalDate(instant);

    /// <summary>The office's midnight starting a date, in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly date) => Zone.Instant(date, TimeOnly.MinValue);

    /// <summary>A weekday the office is open that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => Hours.IsOpenOn(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>
    /// When a step's waktu runs out. Days ("hari", "minggu" = 5 hari): at the closing time of the N-th working day
    /// after the start day, a start on a non-working day counting from the next working day. Calendar days: at the
    /// closing time N days later. Hours and minutes: counted only inside office hours on working days, from the start
    /// or, before opening, after closing or on a non-working day, from the next opening.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset startedAt, SopDuration duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Value);

        switch (duration.Unit)
        {
            case DurationUnit.CalendarDays:
                return ClosingInstant(LocalDate(startedAt).AddDays(duration.Value));
            case DurationUnit.WorkingHours or DurationUnit.WorkingMinutes:
                return AddWorkingTime(startedAt, WorkingTime(duration)!.Value);
        }

        var day = NextWorkingDayOnOrAfter(LocalDate(startedAt));
        for (var remaining = duration.Value; remaining > 0; remaining--)
        {
            day = NextWorkingDayOnOrAfter(day.AddDays(1));
        }
        return ClosingInstant(day);
    }

    /// <summary>The waktu of a step counted in hours or minutes; null for one counted in days.</summary>
    public static TimeSpan? WorkingTime(SopDuration? duration) => duration switch
    {
        { Unit: DurationUnit.WorkingHours, Value: var hours } => TimeSpan.FromHours(hours),
        { Unit: DurationUnit.WorkingMinutes, Value: var minutes } => TimeSpan.FromMinutes(minutes),
        _ => null,
    };

    /// <summary>The time inside office hours on working days between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var start = Zone.ToLocal(from);
        var end = Zone.ToLocal(to);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start.DateTime); day <= DateOnly.FromDateTime(end.DateTime); day = day.AddDays(1))
        {
            if (OpenHours(day) is not { } open) continue;
            var opens = day.ToDateTime(open.Opens);
            var closes = day.ToDateTime(open.Closes);
            var overlapStart = start.DateTime > opens ? start.DateTime : opens;
            var overlapEnd = end.DateTime < closes ? end.DateTime : closes;
            if (overlapEnd > overlapStart) total += overlapEnd - overlapStart;
        }
        return total;
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    public int WorkingDaysElapsed(DateTimeOffset startedAt, DateTimeOffset now) =>
        WorkingDaysBetween(LocalDate(startedAt), LocalDate(now));

    public int WorkingDaysRemaining(DateTimeOffset dueAt, DateTimeOffset now) =>
        now > dueAt ? 0 : WorkingDaysBetween(LocalDate(now), LocalDate(dueAt));

    public int WorkingDaysLate(DateTimeOffset dueAt, DateTimeOffset now) =>
        now <= dueAt ? 0 : WorkingDaysBetween(LocalDate(dueAt), LocalDate(now));

    private WorkingDayHours? OpenHours(DateOnly date) => _holidays.Contains(date) ? null : Hours.On(date.DayOfWeek);

    private DateTimeOffset AddWorkingTime(DateTimeOffset startedAt, TimeSpan workingTime)
    {
        var local = Zone.ToLocal(startedAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        var from = local.TimeOfDay;
        var remaining = workingTime;
        while (true)
        {
            if (OpenHours(day) is { } open)
            {
                var start = from > open.Opens.ToTimeSpan() ? from : open.Opens.ToTimeSpan();
                var available = open.Closes.ToTimeSpan() - start;
                if (available >= TimeSpan.Zero && remaining <= available)
                {
                    return Zone.Instant(day, TimeOnly.FromTimeSpan(start + remaining));
                }
                if (available > TimeSpan.Zero) remaining -= available;
            }
            day = day.AddDays(1);
            from = TimeSpan.Zero;
        }
    }

    // A calendar-day step may end on a day the office is closed: it is then due at the office's usual closing time.
    private DateTimeOffset ClosingInstant(DateOnly date) => Zone.Instant(date, Hours.On(date.DayOfWeek)?.Closes ?? _usualClosing);

    private DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }
}
