using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

public class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = Create2026();

    [Theory]
    // The four worked examples from the SOP README.
    [InlineData("2026-11-02 10:00", 2, "2026-11-04 16:00")]
    [InlineData("2026-11-06 15:00", 2, "2026-11-10 16:00")]
    [InlineData("2026-03-17 10:00", 2, "2026-03-26 16:00")]
    [InlineData("2026-12-01 09:00", 10, "2026-12-15 16:00")]
    public void DueAt_reproduces_the_README_worked_examples(string started, int days, string expectedDue)
    {
        var due = _calendar.DueAt(Wita(started), new SopDuration(days, DurationUnit.WorkingDays));

        Assert.Equal(Wita(expectedDue), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    // Plain weeks: Mon 2 Nov 2026.
    [InlineData("2026-11-02 10:00", 1, "2026-11-03 16:00")]
    [InlineData("2026-11-02 10:00", 5, "2026-11-09 16:00")]
    [InlineData("2026-11-02 10:00", 10, "2026-11-16 16:00")]
    // Across a weekend.
    [InlineData("2026-11-05 10:00", 2, "2026-11-09 16:00")]
    [InlineData("2026-11-06 08:00", 1, "2026-11-09 16:00")]
    // The day counts, not the hour: a start after closing still counts from that day.
    [InlineData("2026-11-06 18:00", 1, "2026-11-09 16:00")]
    // Idul Fitri 2026: 18-24 Mar are all non-working (cuti bersama, Nyepi, Idul Fitri, weekend).
    [InlineData("2026-03-16 10:00", 1, "2026-03-17 16:00")]
    [InlineData("2026-03-16 10:00", 2, "2026-03-25 16:00")]
    [InlineData("2026-03-17 10:00", 1, "2026-03-25 16:00")]
    [InlineData("2026-03-17 10:00", 5, "2026-03-31 16:00")]
    // Kenaikan (Thu 14 May) + cuti bersama (Fri 15 May) + weekend.
    [InlineData("2026-05-13 10:00", 1, "2026-05-18 16:00")]
    [InlineData("2026-05-13 10:00", 2, "2026-05-19 16:00")]
    // Idul Adha (Wed 27), cuti bersama (Thu 28), Waisak (Sun 31 May), Pancasila (Mon 1 Jun).
    [InlineData("2026-05-26 10:00", 1, "2026-05-29 16:00")]
    [InlineData("2026-05-26 10:00", 2, "2026-06-02 16:00")]
    // Cuti bersama (Thu 24 Dec) and Natal (Fri 25 Dec).
    [InlineData("2026-12-23 10:00", 2, "2026-12-29 16:00")]
    public void DueAt_counts_working_days_after_the_start_day(string started, int days, string expectedDue)
    {
        var due = _calendar.DueAt(Wita(started), new SopDuration(days, DurationUnit.WorkingDays));

        Assert.Equal(Wita(expectedDue), due);
    }

    [Theory]
    // Saturday and Sunday count as started on Monday 9 Nov.
    [InlineData("2026-11-07 10:00", 1, "2026-11-10 16:00")]
    [InlineData("2026-11-08 10:00", 2, "2026-11-11 16:00")]
    [InlineData("2026-11-07 10:00", 0, "2026-11-09 16:00")]
    // Mon 17 Aug (Kemerdekaan) counts as started on Tue 18 Aug.
    [InlineData("2026-08-17 10:00", 1, "2026-08-19 16:00")]
    // Cuti bersama Wed 18 Mar and Sat 21 Mar (Idul Fitri) count as started on Wed 25 Mar.
    [InlineData("2026-03-18 10:00", 1, "2026-03-26 16:00")]
    [InlineData("2026-03-21 10:00", 1, "2026-03-26 16:00")]
    public void DueAt_treats_a_start_on_a_non_working_day_as_the_next_working_day(
        string started, int days, string expectedDue)
    {
        var due = _calendar.DueAt(Wita(started), new SopDuration(days, DurationUnit.WorkingDays));

        Assert.Equal(Wita(expectedDue), due);
    }

    [Fact]
    public void DueAt_with_zero_working_days_is_closing_time_of_the_start_day()
    {
        var due = _calendar.DueAt(Wita("2026-11-02 10:00"), new SopDuration(0, DurationUnit.WorkingDays));

        Assert.Equal(Wita("2026-11-02 16:00"), due);
    }

    [Theory]
    // Calendar days ignore weekends and holidays, both for the start and for the due day.
    [InlineData("2026-11-06 10:00", 2, "2026-11-08 16:00")]
    [InlineData("2026-03-17 10:00", 2, "2026-03-19 16:00")]
    [InlineData("2026-11-07 10:00", 0, "2026-11-07 16:00")]
    [InlineData("2026-12-01 09:00", 30, "2026-12-31 16:00")]
    public void DueAt_in_calendar_days_is_closing_time_N_days_later(string started, int days, string expectedDue)
    {
        var due = _calendar.DueAt(Wita(started), new SopDuration(days, DurationUnit.CalendarDays));

        Assert.Equal(Wita(expectedDue), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    // Sun 1 Nov 17:30 UTC is already Mon 2 Nov 01:30 WITA.
    [InlineData("2026-11-01T17:30:00Z", "2026-11-04T08:00:00Z")]
    // Mon 2 Nov 16:30 UTC is Tue 3 Nov 00:30 WITA.
    [InlineData("2026-11-02T16:30:00Z", "2026-11-05T08:00:00Z")]
    // Fri 6 Nov 15:59 UTC is still Fri 23:59 WITA.
    [InlineData("2026-11-06T15:59:00Z", "2026-11-10T08:00:00Z")]
    public void DueAt_uses_the_WITA_date_of_the_start_instant(string startedUtc, string expectedDueUtc)
    {
        var due = _calendar.DueAt(DateTimeOffset.Parse(startedUtc), new SopDuration(2, DurationUnit.WorkingDays));

        Assert.Equal(DateTimeOffset.Parse(expectedDueUtc), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void DueAt_honours_the_configured_closing_time()
    {
        var calendar = new WorkingCalendar([], new TimeOnly(15, 30));

        var due = calendar.DueAt(Wita("2026-11-02 10:00"), new SopDuration(1, DurationUnit.WorkingDays));

        Assert.Equal(Wita("2026-11-03 15:30"), due);
    }

    [Fact]
    public void DueAt_rejects_a_negative_duration()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => _calendar.DueAt(Wita("2026-11-02 10:00"), new SopDuration(-1, DurationUnit.WorkingDays)));
    }

    [Theory]
    [InlineData("Asia/Jakarta", "WIB", 7)]
    [InlineData("Asia/Makassar", "WITA", 8)]
    [InlineData("Asia/Jayapura", "WIT", 9)]
    public void The_office_zones_are_UTC_plus_7_8_and_9_all_year(string id, string label, int hours)
    {
        var zone = OfficeZone.FromId(id)!;
        Assert.Equal(label, zone.Label);
        Assert.Equal(TimeSpan.FromHours(hours), zone.Zone.GetUtcOffset(new DateTime(2026, 6, 1)));
        Assert.Equal(TimeSpan.FromHours(hours), zone.ToLocal(DateTimeOffset.UnixEpoch).Offset);
        // Mon 2 Nov 17:30 UTC is already Tuesday 3 November in each of them (00.30 WIB at the earliest).
        Assert.Equal(new DateOnly(2026, 11, 3), zone.LocalDate(new DateTimeOffset(2026, 11, 2, 17, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-11-02", true)]  // Monday
    [InlineData("2026-11-06", true)]  // Friday
    [InlineData("2026-11-07", false)] // Saturday
    [InlineData("2026-11-08", false)] // Sunday
    [InlineData("2026-01-01", false)] // Tahun Baru (Thursday)
    [InlineData("2026-03-18", false)] // cuti bersama Nyepi (Wednesday)
    [InlineData("2026-03-19", false)] // Nyepi
    [InlineData("2026-03-20", false)] // cuti bersama Idul Fitri
    [InlineData("2026-03-23", false)] // cuti bersama Idul Fitri (Monday)
    [InlineData("2026-03-24", false)] // cuti bersama Idul Fitri (Tuesday)
    [InlineData("2026-03-25", true)]  // first working day after Idul Fitri
    [InlineData("2026-12-24", false)] // cuti bersama Natal
    [InlineData("2026-12-31", true)]
    public void IsWorkingDay_excludes_weekends_and_holidays(string date, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-02", 0)]
    [InlineData("2026-11-09", "2026-11-02", 0)] // to before from
    [InlineData("2026-11-02", "2026-11-03", 1)]
    [InlineData("2026-11-06", "2026-11-08", 0)] // only the weekend
    [InlineData("2026-11-06", "2026-11-09", 1)]
    [InlineData("2026-11-02", "2026-11-09", 5)]
    [InlineData("2026-03-16", "2026-03-25", 2)] // 17 and 25 Mar
    [InlineData("2026-03-17", "2026-03-31", 5)]
    // 2026 has 261 weekdays; 21 of the 25 holidays fall on a weekday (21/22 Mar, 5 Apr, 31 May are weekends).
    [InlineData("2025-12-31", "2026-12-31", 240)]
    public void WorkingDaysBetween_counts_working_days_after_from_up_to_and_including_to(
        string from, string to, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysBetween(Date(from), Date(to)));
    }

    [Theory]
    [InlineData("2026-11-02 15:00", 0)]
    [InlineData("2026-11-03 09:00", 1)]
    [InlineData("2026-11-04 17:00", 2)]
    [InlineData("2026-11-07 10:00", 4)] // Saturday adds nothing beyond Friday
    [InlineData("2026-11-09 08:00", 5)]
    public void WorkingDaysElapsed_counts_from_the_start_date(string now, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysElapsed(Wita("2026-11-02 10:00"), Wita(now)));
    }

    [Theory]
    // Due Wed 4 Nov 16:00.
    [InlineData("2026-11-04 16:00", "2026-11-02 10:00", 2)]
    [InlineData("2026-11-04 16:00", "2026-11-03 10:00", 1)]
    [InlineData("2026-11-04 16:00", "2026-11-04 15:59", 0)]
    [InlineData("2026-11-04 16:00", "2026-11-04 16:00", 0)]
    [InlineData("2026-11-04 16:00", "2026-11-04 16:01", 0)]
    [InlineData("2026-11-04 16:00", "2026-11-06 10:00", 0)]
    // Due Tue 10 Nov 16:00, seen over the weekend before it.
    [InlineData("2026-11-10 16:00", "2026-11-06 15:00", 2)]
    [InlineData("2026-11-10 16:00", "2026-11-07 12:00", 2)]
    [InlineData("2026-11-10 16:00", "2026-11-09 12:00", 1)]
    [InlineData("2026-11-10 16:00", "2026-11-10 10:00", 0)]
    // Due Thu 26 Mar 16:00, seen from before Idul Fitri.
    [InlineData("2026-03-26 16:00", "2026-03-17 10:00", 2)]
    public void WorkingDaysRemaining_counts_working_days_until_the_due_date(string due, string now, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysRemaining(Wita(due), Wita(now)));
    }

    [Theory]
    // Due Wed 4 Nov 16:00.
    [InlineData("2026-11-04 16:00", "2026-11-04 15:59", 0)]
    [InlineData("2026-11-04 16:00", "2026-11-04 16:00", 0)]
    [InlineData("2026-11-04 16:00", "2026-11-04 16:01", 0)] // late today
    [InlineData("2026-11-04 16:00", "2026-11-05 08:00", 1)]
    [InlineData("2026-11-04 16:00", "2026-11-06 08:00", 2)]
    // Due Fri 6 Nov 16:00: the weekend adds no lateness.
    [InlineData("2026-11-06 16:00", "2026-11-07 10:00", 0)]
    [InlineData("2026-11-06 16:00", "2026-11-08 10:00", 0)]
    [InlineData("2026-11-06 16:00", "2026-11-09 08:00", 1)]
    [InlineData("2026-11-06 16:00", "2026-11-10 08:00", 2)]
    // Due Tue 17 Mar 16:00: Idul Fitri adds no lateness.
    [InlineData("2026-03-17 16:00", "2026-03-19 10:00", 0)]
    [InlineData("2026-03-17 16:00", "2026-03-25 09:00", 1)]
    public void WorkingDaysLate_counts_working_days_after_the_due_date(string due, string now, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysLate(Wita(due), Wita(now)));
    }

    [Fact]
    public void WorkingDaysLate_uses_the_WITA_date_of_now()
    {
        // Wed 4 Nov 16:30 UTC is Thu 5 Nov 00:30 WITA: one working day after the due date.
        var now = new DateTimeOffset(2026, 11, 4, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(1, _calendar.WorkingDaysLate(Wita("2026-11-04 16:00"), now));
    }

    [Fact]
    public void Holidays2026_has_17_libur_nasional_and_8_cuti_bersama_from_the_README()
    {
        var national = new[]
        {
            "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-21", "2026-03-22", "2026-04-03",
            "2026-04-05", "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31", "2026-06-01", "2026-06-16",
            "2026-08-17", "2026-08-25", "2026-12-25",
        };
        var joint = new[]
        {
            "2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28",
            "2026-12-24",
        };

        Assert.Equal(25, Holidays2026.All.Count);
        Assert.Equal(
            national.Select(Date),
            Holidays2026.All.Where(h => h.Kind == HolidayKind.LiburNasional).Select(h => h.Date).Order());
        Assert.Equal(
            joint.Select(Date),
            Holidays2026.All.Where(h => h.Kind == HolidayKind.CutiBersama).Select(h => h.Date).Order());
        Assert.All(Holidays2026.All, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
        Assert.All(
            Holidays2026.All.Where(h => h.Kind == HolidayKind.CutiBersama),
            h => Assert.StartsWith("Cuti Bersama ", h.Name));
    }
}
