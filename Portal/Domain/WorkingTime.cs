namespace Portal.Domain;

/// <summary>How much of a stretch of time fell inside the office's hours, for steps whose waktu is in hours or minutes.</summary>
public static class WorkingTime
{
    /// <param name="isWorkingDay">Whether the office works on a date at all (weekends and holidays do not count).</param>
    public static TimeSpan Between(DateTimeOffset start, DateTimeOffset end, OfficeZone zone, OfficeHours hours, Func<DateOnly, bool> isWorkingDay)
    {
        var total = TimeSpan.Zero;
        if (end <= start) return total;
        for (var day = zone.LocalDate(start); day <= zone.LocalDate(end); day = day.AddDays(1))
        {
            if (!isWorkingDay(day) || hours.On(day.DayOfWeek) is not { } open) continue;
            var from = Later(start, zone.Instant(day, open.Opens));
            var to = Earlier(end, zone.Instant(day, open.Closes));
            if (to > from) total += to - from;
        }
        return total;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
