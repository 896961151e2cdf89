using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

public class SlaRulesTests
{
    private static readonly SopDuration TwoDays = new(2, DurationUnit.WorkingDays);

    private readonly WorkingCalendar _calendar = Create2026();

    [Fact]
    public void No_due_date_means_no_deadline()
    {
        var status = _calendar.Evaluate(null, null, Wita("2026-11-09 10:00"));

        Assert.Equal(new SlaStatus(SlaLevel.NoDeadline, 0, 0), status);
        Assert.Equal("tanpa tenggat", status.Label);
    }

    [Theory]
    // Due Tue 10 Nov 16:00 (started Fri 6 Nov, 2 hari).
    [InlineData("2026-11-05 10:00", SlaLevel.OnTime, 3, 0, "tepat waktu")]
    [InlineData("2026-11-06 15:00", SlaLevel.OnTime, 2, 0, "tepat waktu")]
    [InlineData("2026-11-07 10:00", SlaLevel.OnTime, 2, 0, "tepat waktu")]
    [InlineData("2026-11-09 10:00", SlaLevel.DueSoon, 1, 0, "segera jatuh tempo")]
    [InlineData("2026-11-10 15:59", SlaLevel.DueSoon, 0, 0, "segera jatuh tempo")]
    [InlineData("2026-11-10 16:00", SlaLevel.DueSoon, 0, 0, "segera jatuh tempo")]
    [InlineData("2026-11-10 16:01", SlaLevel.Late, 0, 0, "terlambat hari ini")]
    [InlineData("2026-11-11 08:00", SlaLevel.Late, 0, 1, "terlambat 1 hari kerja")]
    [InlineData("2026-11-16 10:00", SlaLevel.Late, 0, 4, "terlambat 4 hari kerja")]
    public void Evaluate_classifies_around_the_due_instant(
        string now, SlaLevel level, int remaining, int late, string label)
    {
        var status = _calendar.Evaluate(Wita("2026-11-10 16:00"), TwoDays, Wita(now));

        Assert.Equal(new SlaStatus(level, remaining, late), status);
        Assert.Equal(label, status.Label);
    }

    [Theory]
    // Due Tue 17 Mar 16:00; 18-24 Mar are not working days.
    [InlineData("2026-03-20 10:00", 0, "terlambat hari ini")]
    [InlineData("2026-03-25 10:00", 1, "terlambat 1 hari kerja")]
    [InlineData("2026-03-26 10:00", 2, "terlambat 2 hari kerja")]
    public void Evaluate_does_not_count_holidays_as_late(string now, int late, string label)
    {
        var status = _calendar.Evaluate(Wita("2026-03-17 16:00"), TwoDays, Wita(now));

        Assert.Equal(SlaLevel.Late, status.Level);
        Assert.Equal(late, status.WorkingDaysLate);
        Assert.Equal(label, status.Label);
    }

    [Theory]
    // Due Tue 10 Nov 16:00.
    [InlineData(0, "2026-11-09 10:00", SlaLevel.OnTime)]
    [InlineData(0, "2026-11-10 10:00", SlaLevel.DueSoon)]
    [InlineData(2, "2026-11-06 10:00", SlaLevel.DueSoon)]
    [InlineData(2, "2026-11-05 10:00", SlaLevel.OnTime)]
    public void Evaluate_honours_the_due_soon_window(int dueSoonWorkingDays, string now, SlaLevel expected)
    {
        var status = _calendar.Evaluate(Wita("2026-11-10 16:00"), TwoDays, Wita(now), dueSoonWorkingDays);

        Assert.Equal(expected, status.Level);
    }

    [Theory]
    [InlineData(SlaLevel.NoDeadline, 0, 0, "tanpa tenggat")]
    [InlineData(SlaLevel.OnTime, 4, 0, "tepat waktu")]
    [InlineData(SlaLevel.DueSoon, 1, 0, "segera jatuh tempo")]
    [InlineData(SlaLevel.Late, 0, 0, "terlambat hari ini")]
    [InlineData(SlaLevel.Late, 0, 3, "terlambat 3 hari kerja")]
    public void Label_is_Bahasa_Indonesia(SlaLevel level, int remaining, int late, string expected)
    {
        Assert.Equal(expected, new SlaStatus(level, remaining, late).Label);
    }

    // A 4-hour step started Mon 9 Nov 2026 10:00 in the default office (07.30–16.00 WITA) is due 14:00 the same day;
    // a quarter of 4 hours is 1 hour, so it is due soon for its last working hour.
    [Theory]
    [InlineData("2026-11-09 10:00", SlaLevel.OnTime, 240, 0, "tepat waktu")]
    [InlineData("2026-11-09 12:59", SlaLevel.OnTime, 61, 0, "tepat waktu")]
    [InlineData("2026-11-09 13:00", SlaLevel.DueSoon, 60, 0, "segera jatuh tempo")]
    [InlineData("2026-11-09 14:00", SlaLevel.DueSoon, 0, 0, "segera jatuh tempo")]
    [InlineData("2026-11-09 14:00:30", SlaLevel.Late, 0, 0, "terlambat kurang dari 1 menit kerja")]
    [InlineData("2026-11-09 14:01", SlaLevel.Late, 0, 1, "terlambat 1 menit kerja")]
    [InlineData("2026-11-09 15:30", SlaLevel.Late, 0, 90, "terlambat 1 jam 30 menit kerja")]
    // The evening adds nothing: late by the two office hours 14.00–16.00.
    [InlineData("2026-11-09 20:00", SlaLevel.Late, 0, 120, "terlambat 2 jam kerja")]
    // Tuesday 08.00: 2 hours on Monday and 30 minutes from Tuesday's opening.
    [InlineData("2026-11-10 08:00", SlaLevel.Late, 0, 150, "terlambat 2 jam 30 menit kerja")]
    public void An_hour_step_is_judged_in_office_time(string now, SlaLevel level, int remainingMinutes, int lateMinutes, string label)
    {
        var status = _calendar.Evaluate(Wita("2026-11-09 14:00"), new SopDuration(4, DurationUnit.WorkingHours), WitaSeconds(now));

        Assert.Equal(level, status.Level);
        Assert.Equal(TimeSpan.FromHours(4), status.StepWorkingTime);
        Assert.Equal((TimeSpan.FromMinutes(remainingMinutes), TimeSpan.FromMinutes(lateMinutes)),
            (status.WorkingTimeRemaining, new TimeSpan(status.WorkingTimeLate.Hours, status.WorkingTimeLate.Minutes, 0)));
        Assert.Equal(label, status.Label);
    }

    [Theory]
    // 16 hours from Mon 9 Nov 08:00: 8 on Monday (to 16.00), 8 on Tuesday (07.30–15.30). A quarter is 4 hours.
    [InlineData("2026-11-09 15:00", SlaLevel.OnTime)]   // one working day left, but 9 office hours
    [InlineData("2026-11-10 11:29", SlaLevel.OnTime)]
    [InlineData("2026-11-10 11:30", SlaLevel.DueSoon)]
    [InlineData("2026-11-10 15:30", SlaLevel.DueSoon)]
    [InlineData("2026-11-10 15:31", SlaLevel.Late)]
    public void A_long_hour_step_is_due_soon_for_the_last_quarter_of_its_waktu(string now, SlaLevel expected)
    {
        var sixteenHours = new SopDuration(16, DurationUnit.WorkingHours);
        var due = _calendar.DueAt(Wita("2026-11-09 08:00"), sixteenHours);

        Assert.Equal(Wita("2026-11-10 15:30"), due);
        Assert.Equal(expected, _calendar.Evaluate(due, sixteenHours, Wita(now)).Level);
    }

    [Theory]
    // 30 minutes from Fri 6 Nov 15:50: due Mon 9 Nov 07:50 (07.30 + 20 minutes).
    [InlineData(1, "2026-11-06 15:50", SlaLevel.DueSoon, "30 menit kerja")]
    [InlineData(0, "2026-11-06 15:50", SlaLevel.OnTime, "30 menit kerja")]  // the setting stays the outer bound
    [InlineData(0, "2026-11-09 07:00", SlaLevel.DueSoon, "20 menit kerja")]
    [InlineData(0, "2026-11-09 07:40", SlaLevel.DueSoon, "10 menit kerja")]
    public void A_short_minute_step_is_due_soon_within_the_due_soon_days(int dueSoonWorkingDays, string now, SlaLevel expected, string remaining)
    {
        var thirtyMinutes = new SopDuration(30, DurationUnit.WorkingMinutes);
        var due = _calendar.DueAt(Wita("2026-11-06 15:50"), thirtyMinutes);

        var status = _calendar.Evaluate(due, thirtyMinutes, Wita(now), dueSoonWorkingDays);

        Assert.Equal(Wita("2026-11-09 07:50"), due);
        Assert.Equal((expected, remaining), (status.Level, status.RemainingLabel));
    }

    private static DateTimeOffset WitaSeconds(string local) => local.Length > 16
        ? Wita(local[..16]).AddSeconds(int.Parse(local[17..], System.Globalization.CultureInfo.InvariantCulture))
        : Wita(local);
}
