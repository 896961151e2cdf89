namespace Portal.Domain;

/// <summary>The office's hours on one weekday (local time of the office's zone).</summary>
public sealed record WorkingDayHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// The office's working week: the weekdays it is open and its hours on each. Days not listed are
/// closed. Holidays come from the holiday table, not from here.
/// </summary>
public sealed record OfficeHours(IReadOnlyList<WorkingDayHours> Days)
{
    /// <summary>Monday to Friday, 07.30–16.00: the hours the SOP's worked examples assume.</summary>
    public static OfficeHours Default { get; } = Uniform(new TimeOnly(7, 30), new TimeOnly(16, 0));

    public static OfficeHours Uniform(TimeOnly opens, TimeOnly closes) => new(
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingDayHours(d, opens, closes))]);

    public WorkingDayHours? On(DayOfWeek day) => Days.FirstOrDefault(d => d.Day == day);

    public bool IsOpenOn(DayOfWeek day) => On(day) is not null;
}
