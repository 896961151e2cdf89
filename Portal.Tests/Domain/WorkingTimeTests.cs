using Portal.Domain;

namespace Portal.Tests.Domain;

/// <summary>Time inside office hours, checked by hand against the 2026 calendar (Mon–Thu 07.30–16.00, Fri 07.30–16.30 WITA).</summary>
public sealed class WorkingTimeTests
{
    private static readonly OfficeHours LongFriday = new(
    [
        new WorkingDayHours(DayOfWeek.Monday, new TimeOnly(7, 30), new TimeOnly(16, 0)),
        new WorkingDayHours(DayOfWeek.Tuesday, new TimeOnly(7, 30), new TimeOnly(16, 0)),
        new WorkingDayHours(DayOfWeek.Wednesday, new TimeOnly(7, 30), new TimeOnly(16, 0)),
        new WorkingDayHours(DayOfWeek.Thursday, new TimeOnly(7, 30), new TimeOnly(16, 0)),
        new WorkingDayHours(DayOfWeek.Friday, new TimeOnly(7, 30), new TimeOnly(16, 30)),
    ]);

    private static readonly WorkingCalendar Calendar = TestCalendar.Create2026();

    private static TimeSpan Between(string start, string end, OfficeZone? zone = null) =>
        WorkingTime.Between(TestCalendar.Wita(start), TestCalendar.Wita(end), zone ?? OfficeZone.Wita, LongFriday, Calendar.IsWorkingDay);

    [Theory]
    // Within one morning.
    [InlineData("2026-11-25 09:00", "2026-11-25 11:15", 2, 15)]
    // Started before opening: counted from 07.30.
    [InlineData("2026-11-25 06:00", "2026-11-25 08:00", 0, 30)]
    // Friday 15.50 to Monday 08.20: 40 minutes on Friday (to 16.30), 50 on Monday.
    [InlineData("2026-11-27 15:50", "2026-11-30 08:20", 1, 30)]
    // A whole Wednesday (8 h 30) and Thursday morning to 09.30 (2 h).
    [InlineData("2026-11-25 07:00", "2026-11-26 09:30", 10, 30)]
    // Across the weekend only: nothing.
    [InlineData("2026-11-28 09:00", "2026-11-29 15:00", 0, 0)]
    // Christmas 2026 (Thursday 24 cuti bersama, Friday 25): Wednesday 15.00–16.00 and Monday 07.30–08.00.
    [InlineData("2026-12-23 15:00", "2026-12-28 08:00", 1, 30)]
    public void Only_time_inside_office_hours_on_working_days_counts(string start, string end, int hours, int minutes)
    {
        Assert.Equal(new TimeSpan(hours, minutes, 0), Between(start, end));
    }

    [Fact]
    public void The_hours_are_the_office_zones_wall_clock()
    {
        // 08.00–09.00 WITA is 07.00–08.00 WIB: in a WIB office only the half hour after 07.30 is inside its hours.
        Assert.Equal(TimeSpan.FromMinutes(30), Between("2026-11-25 08:00", "2026-11-25 09:00", OfficeZone.Wib));
        Assert.Equal(TimeSpan.FromHours(1), Between("2026-11-25 08:00", "2026-11-25 09:00", OfficeZone.Wita));
    }

    [Fact]
    public void An_end_before_the_start_counts_nothing()
    {
        Assert.Equal(TimeSpan.Zero, Between("2026-11-25 11:00", "2026-11-25 09:00"));
    }
}
