namespace Portal.Domain;

/// <summary>
/// Working-day arithmetic in WITA (Asia/Makassar). Instants go in as any offset and come out in UTC.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly TimeOnly _officeClosingTime;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, TimeOnly officeClosingTime)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = new HashSet<DateOnly>(holidays);
        _officeClosingTime = officeClosingTime;
    }

    public static TimeZoneInfo Wita { get; } = FindWita();

    public static DateTimeOffset ToWita(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Wita);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    public DateTimeOffset DueAt(DateTimeOffset startedAt, SopDuration duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Value);

        var day = LocalDate(startedAt);
        if (duration.Unit == DurationUnit.CalendarDays)
        {
            return ClosingInstant(day.AddDays(duration.Value));
        }

        day = NextWorkingDayOnOrAfter(day);
        for (var remaining = duration.Value; remaining > 0; remaining--)
        {
            day = NextWorkingDayOnOrAfter(day.AddDays(1));
        }
        return ClosingInstant(day);
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

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToWita(instant).DateTime);

    private DateTimeOffset ClosingInstant(DateOnly date)
    {
        var local = date.ToDateTime(_officeClosingTime);
        return new DateTimeOffset(local, Wita.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    private static TimeZoneInfo FindWita()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata: WITA has had no DST since 1963, so a fixed UTC+8 zone is exact.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Makassar", TimeSpan.FromHours(8), "WITA", "WITA");
        }
    }
}
