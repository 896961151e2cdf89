using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

/// <summary>The calendar of an office with its own zone and hours: hour and minute steps, per-weekday closing times.</summary>
public class WorkingCalendarOfficeTests
{
    // The office: Monday to Friday 08.00–16.00.
    private static readonly OfficeHours EightToFour = OfficeHours.Uniform(new TimeOnly(8, 0), new TimeOnly(16, 0));

    // Monday to Thursday 07.30–16.00, Friday 07.30–16.30.
    private static readonly OfficeHours LongFriday = new(
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }
            .Select(d => new WorkingDayHours(d, new TimeOnly(7, 30), new TimeOnly(16, 0))),
        new WorkingDayHours(DayOfWeek.Friday, new TimeOnly(7, 30), new TimeOnly(16, 30))]);

    private readonly WorkingCalendar _eightToFour = Office(EightToFour, OfficeZone.Wita);

    private static SopDuration Hours(int value) => new(value, DurationUnit.WorkingHours);

    private static SopDuration Minutes(int value) => new(value, DurationUnit.WorkingMinutes);

    [Fact]
    public void A_30_minute_step_started_at_15_50_on_Friday_is_due_on_Monday_at_08_20()
    {
        // Fri 6 Nov 2026: 10 minutes before closing, the other 20 from Monday's opening.
        var due = _eightToFour.DueAt(Wita("2026-11-06 15:50"), Minutes(30));

        Assert.Equal(Wita("2026-11-09 08:20"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    // Inside the day.
    [InlineData("2026-11-02 10:00", 4, "2026-11-02 14:00")]
    // Exactly up to closing stays on the same day.
    [InlineData("2026-11-02 12:00", 4, "2026-11-02 16:00")]
    // Before opening: counted from 08.00.
    [InlineData("2026-11-02 06:15", 2, "2026-11-02 10:00")]
    // After closing: counted from the next opening.
    [InlineData("2026-11-02 17:00", 2, "2026-11-03 10:00")]
    // Saturday: counted from Monday's opening.
    [InlineData("2026-11-07 10:00", 3, "2026-11-09 11:00")]
    // Kemerdekaan (Mon 17 Aug) is no working day: from Tuesday's opening.
    [InlineData("2026-08-17 10:00", 4, "2026-08-18 12:00")]
    // Fri 14 Aug 15:00: one hour on Friday, the weekend and Kemerdekaan skipped, one hour on Tuesday.
    [InlineData("2026-08-14 15:00", 2, "2026-08-18 09:00")]
    // 20 hours from Mon 10:00: 6 on Monday, 8 on Tuesday, 6 on Wednesday.
    [InlineData("2026-11-02 10:00", 20, "2026-11-04 14:00")]
    // Idul Fitri: Tue 17 Mar 14:00, 2 hours that day, then nothing until Wed 25 Mar.
    [InlineData("2026-03-17 14:00", 3, "2026-03-25 09:00")]
    public void Hours_count_only_inside_office_hours_on_working_days(string started, int hours, string expectedDue)
    {
        Assert.Equal(Wita(expectedDue), _eightToFour.DueAt(Wita(started), Hours(hours)));
    }

    [Theory]
    [InlineData("2026-11-02 07:59", 45, "2026-11-02 08:45")]
    [InlineData("2026-11-02 15:30", 30, "2026-11-02 16:00")]
    [InlineData("2026-11-02 15:30", 31, "2026-11-03 08:01")]
    [InlineData("2026-11-02 16:00", 1, "2026-11-03 08:01")]
    [InlineData("2026-11-02 10:00", 0, "2026-11-02 10:00")]
    [InlineData("2026-11-02 20:00", 0, "2026-11-03 08:00")]
    public void Minutes_count_like_hours(string started, int minutes, string expectedDue)
    {
        Assert.Equal(Wita(expectedDue), _eightToFour.DueAt(Wita(started), Minutes(minutes)));
    }

    [Theory]
    // Days: due at the closing time of the last day, Friday's own being later.
    [InlineData("2026-11-04 10:00", 2, DurationUnit.WorkingDays, "2026-11-06 16:30")]
    [InlineData("2026-11-03 10:00", 2, DurationUnit.WorkingDays, "2026-11-05 16:00")]
    [InlineData("2026-11-04 10:00", 5, DurationUnit.WorkingDays, "2026-11-11 16:00")]
    // Calendar days: a Friday closes at 16.30, a Saturday at the usual 16.00.
    [InlineData("2026-11-05 10:00", 1, DurationUnit.CalendarDays, "2026-11-06 16:30")]
    [InlineData("2026-11-05 10:00", 2, DurationUnit.CalendarDays, "2026-11-07 16:00")]
    // Hours: Friday's longer afternoon counts.
    [InlineData("2026-11-06 15:30", 1, DurationUnit.WorkingHours, "2026-11-06 16:30")]
    [InlineData("2026-11-05 15:30", 1, DurationUnit.WorkingHours, "2026-11-06 08:00")]
    [InlineData("2026-11-06 16:00", 1, DurationUnit.WorkingHours, "2026-11-09 08:00")]
    public void A_Friday_with_longer_hours_closes_later(string started, int value, DurationUnit unit, string expectedDue)
    {
        var calendar = Office(LongFriday, OfficeZone.Wita);

        Assert.Equal(Wita(expectedDue), calendar.DueAt(Wita(started), new SopDuration(value, unit)));
    }

    [Theory]
    // The SOP README's worked examples, with the default hours and zone given explicitly.
    [InlineData("2026-11-02 10:00", 2, "2026-11-04 16:00")]
    [InlineData("2026-11-06 15:00", 2, "2026-11-10 16:00")]
    [InlineData("2026-03-17 10:00", 2, "2026-03-26 16:00")]
    [InlineData("2026-12-01 09:00", 10, "2026-12-15 16:00")]
    public void The_default_office_reproduces_the_README_worked_examples(string started, int days, string expectedDue)
    {
        var calendar = Office(OfficeHours.Default, OfficeZone.Wita);

        Assert.Equal(Wita(expectedDue), calendar.DueAt(Wita(started), new SopDuration(days, DurationUnit.WorkingDays)));
    }

    public static TheoryData<string, int, DurationUnit> SameLocalSchedule => new()
    {
        { "2026-11-02 10:00", 2, DurationUnit.WorkingDays },
        { "2026-11-06 15:00", 2, DurationUnit.WorkingDays },
        { "2026-12-01 09:00", 10, DurationUnit.WorkingDays },
        { "2026-11-06 10:00", 3, DurationUnit.CalendarDays },
        { "2026-11-06 15:50", 30, DurationUnit.WorkingMinutes },
        { "2026-11-02 00:30", 4, DurationUnit.WorkingHours },
        { "2026-11-02 23:30", 20, DurationUnit.WorkingHours },
        { "2026-03-17 14:00", 3, DurationUnit.WorkingHours },
    };

    [Theory]
    [MemberData(nameof(SameLocalSchedule))]
    public void A_WIB_and_a_WIT_office_give_due_instants_two_hours_apart_for_the_same_local_schedule(string started, int value, DurationUnit unit)
    {
        var wib = Office(OfficeHours.Default, OfficeZone.Wib);
        var wit = Office(OfficeHours.Default, OfficeZone.Wit);
        var duration = new SopDuration(value, unit);

        var dueWib = wib.DueAt(Local(started, OfficeZone.Wib), duration);
        var dueWit = wit.DueAt(Local(started, OfficeZone.Wit), duration);

        // Jakarta is UTC+7, Jayapura UTC+9: the same wall-clock due time comes two hours later in Jakarta.
        Assert.Equal(TimeSpan.FromHours(2), dueWib - dueWit);
        Assert.Equal(OfficeZone.Wib.ToLocal(dueWib).DateTime, OfficeZone.Wit.ToLocal(dueWit).DateTime);
    }

    [Fact]
    public void Each_office_reads_the_start_instant_in_its_own_zone()
    {
        // 16:30 UTC on Fri 6 Nov 2026 is still Friday 23:30 in Jakarta but already Saturday 01:30 in Jayapura.
        var started = new DateTimeOffset(2026, 11, 6, 16, 30, 0, TimeSpan.Zero);
        var oneDay = new SopDuration(1, DurationUnit.WorkingDays);

        Assert.Equal(Local("2026-11-09 16:00", OfficeZone.Wib), Office(OfficeHours.Default, OfficeZone.Wib).DueAt(started, oneDay));
        Assert.Equal(Local("2026-11-10 16:00", OfficeZone.Wit), Office(OfficeHours.Default, OfficeZone.Wit).DueAt(started, oneDay));
        Assert.Equal(new DateOnly(2026, 11, 7), Office(OfficeHours.Default, OfficeZone.Wit).LocalDate(started));
    }

    [Theory]
    [InlineData("2026-11-02 10:00", "2026-11-02 14:00", 240)]
    [InlineData("2026-11-02 06:00", "2026-11-02 09:00", 60)]
    [InlineData("2026-11-02 15:00", "2026-11-03 09:00", 120)]
    [InlineData("2026-11-06 15:50", "2026-11-09 08:20", 30)]
    [InlineData("2026-11-06 17:00", "2026-11-08 12:00", 0)]
    [InlineData("2026-11-02 10:00", "2026-11-02 09:00", 0)]
    [InlineData("2026-08-14 15:00", "2026-08-18 09:00", 120)]
    [InlineData("2026-11-02 08:00", "2026-11-06 16:00", 5 * 8 * 60)]
    public void Working_time_between_two_instants_counts_office_hours_only(string from, string to, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), _eightToFour.WorkingTimeBetween(Wita(from), Wita(to)));
    }

    [Fact]
    public void An_office_open_on_no_day_or_closing_before_it_opens_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], new OfficeHours([]), OfficeZone.Wita));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], OfficeHours.Uniform(new TimeOnly(16, 0), new TimeOnly(8, 0)), OfficeZone.Wita));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([],
            new OfficeHours([new WorkingDayHours(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0)),
                new WorkingDayHours(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(16, 0))]), OfficeZone.Wita));
    }

    [Fact]
    public void A_six_day_office_works_on_Saturday()
    {
        var sixDays = new OfficeHours([.. EightToFour.Days, new WorkingDayHours(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(12, 0))]);
        var calendar = Office(sixDays, OfficeZone.Wita);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 7)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 8)));
        Assert.Equal(Wita("2026-11-07 12:00"), calendar.DueAt(Wita("2026-11-06 10:00"), new SopDuration(1, DurationUnit.WorkingDays)));
        Assert.Equal(Wita("2026-11-07 08:20"), calendar.DueAt(Wita("2026-11-06 15:50"), Minutes(30)));
    }
}
