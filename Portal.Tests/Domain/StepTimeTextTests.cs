using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

/// <summary>
/// A step's time is worded in the step's own unit wherever a person reads it. The office is open Monday to Friday
/// 07.30–16.00 WITA; November 2026 has no holiday. Expected texts are worked out by hand from the calendar.
/// </summary>
public class StepTimeTextTests
{
    private static readonly WorkingCalendar Calendar = Create2026();

    private static SopDuration Waktu(string waktu) => waktu switch
    {
        "2 hari" => new SopDuration(2, DurationUnit.WorkingDays),
        "1 minggu" => new SopDuration(5, DurationUnit.WorkingDays),
        "3 hari kalender" => new SopDuration(3, DurationUnit.CalendarDays),
        "4 jam" => new SopDuration(4, DurationUnit.WorkingHours),
        "30 menit" => new SopDuration(30, DurationUnit.WorkingMinutes),
        _ => throw new ArgumentOutOfRangeException(nameof(waktu), waktu, null),
    };

    [Theory]
    // 2 hari started Fri 6 Nov: due Tue 10 Nov 16.00.
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-05 10:00", SlaLevel.OnTime, "tepat waktu", "sisa 3 hari kerja")]
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-09 10:00", SlaLevel.DueSoon, "segera jatuh tempo", "sisa 1 hari kerja")]
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-10 10:00", SlaLevel.DueSoon, "segera jatuh tempo", "jatuh tempo hari ini")]
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-10 17:00", SlaLevel.Late, "terlambat hari ini", null)]
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-12 09:00", SlaLevel.Late, "terlambat 2 hari kerja", null)]
    // 1 minggu (5 hari kerja) started Mon 2 Nov: due Mon 9 Nov 16.00; a week is counted in working days.
    [InlineData("1 minggu", "2026-11-02 10:00", "2026-11-04 10:00", SlaLevel.OnTime, "tepat waktu", "sisa 3 hari kerja")]
    [InlineData("1 minggu", "2026-11-02 10:00", "2026-11-11 10:00", SlaLevel.Late, "terlambat 2 hari kerja", null)]
    // 3 hari kalender started Fri 6 Nov: due Mon 9 Nov 16.00; the weekend counts.
    [InlineData("3 hari kalender", "2026-11-06 10:00", "2026-11-07 10:00", SlaLevel.DueSoon, "segera jatuh tempo", "sisa 2 hari kalender")]
    [InlineData("3 hari kalender", "2026-11-06 10:00", "2026-11-05 10:00", SlaLevel.OnTime, "tepat waktu", "sisa 4 hari kalender")]
    // 3 hari kalender started Wed 4 Nov: due Sat 7 Nov at the usual closing time; on Monday 2 calendar days late (1 working day).
    [InlineData("3 hari kalender", "2026-11-04 10:00", "2026-11-07 17:00", SlaLevel.Late, "terlambat hari ini", null)]
    [InlineData("3 hari kalender", "2026-11-04 10:00", "2026-11-09 10:00", SlaLevel.Late, "terlambat 2 hari kalender", null)]
    // 4 jam started Mon 9 Nov 10.00: due 14.00 the same day.
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-09 10:00", SlaLevel.OnTime, "tepat waktu", "sisa 4 jam kerja")]
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-09 12:45", SlaLevel.OnTime, "tepat waktu", "sisa 1 jam 15 menit kerja")]
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-09 13:40", SlaLevel.DueSoon, "segera jatuh tempo", "sisa 20 menit kerja")]
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-09 15:30", SlaLevel.Late, "terlambat 1 jam 30 menit kerja", null)]
    // Late overnight: 2 office hours on Monday (14.00–16.00) and 2 on Tuesday (07.30–09.30).
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-10 09:30", SlaLevel.Late, "terlambat 4 jam kerja", null)]
    // 30 menit started Fri 6 Nov 15.50: 10 minutes on Friday, 20 from Monday's opening, due Mon 9 Nov 07.50.
    [InlineData("30 menit", "2026-11-06 15:50", "2026-11-06 15:55", SlaLevel.DueSoon, "segera jatuh tempo", "sisa 25 menit kerja")]
    [InlineData("30 menit", "2026-11-06 15:50", "2026-11-09 07:30", SlaLevel.DueSoon, "segera jatuh tempo", "sisa 20 menit kerja")]
    [InlineData("30 menit", "2026-11-06 15:50", "2026-11-09 08:10", SlaLevel.Late, "terlambat 20 menit kerja", null)]
    public void A_running_step_states_its_time_in_its_own_unit(string waktu, string started, string now, SlaLevel level, string status, string? remaining)
    {
        var duration = Waktu(waktu);
        var sla = Calendar.Evaluate(Calendar.DueAt(Wita(started), duration), duration, Wita(now));

        Assert.Equal((level, status, remaining), (sla.Level, sla.Label, StepTimeText.Remaining(sla)));
    }

    [Theory]
    // Finished after its due instant on the due date itself: less than a unit late, said as such afterwards.
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-10 17:00", "terlambat kurang dari 1 hari kerja")]
    [InlineData("3 hari kalender", "2026-11-04 10:00", "2026-11-07 17:00", "terlambat kurang dari 1 hari kalender")]
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-12 09:00", "terlambat 2 hari kerja")]
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-09 14:00", "tepat waktu")]
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-10 08:00", "terlambat 2 jam 30 menit kerja")]
    [InlineData("30 menit", "2026-11-06 15:50", "2026-11-09 07:50", "tepat waktu")]
    [InlineData("30 menit", "2026-11-06 15:50", "2026-11-09 08:35", "terlambat 45 menit kerja")]
    public void A_finished_step_is_judged_in_its_own_unit(string waktu, string started, string finished, string expected)
    {
        var duration = Waktu(waktu);
        var sla = Calendar.Evaluate(Calendar.DueAt(Wita(started), duration), duration, Wita(finished));

        Assert.Equal(expected, StepTimeText.Finished(sla));
    }

    [Theory]
    [InlineData("2 hari", "2026-11-06 10:00", "2026-11-10 09:00", "2 hari kerja")]
    [InlineData("1 minggu", "2026-11-02 10:00", "2026-11-09 15:00", "5 hari kerja")]
    [InlineData("3 hari kalender", "2026-11-06 10:00", "2026-11-10 09:00", "4 hari kalender")]
    [InlineData("4 jam", "2026-11-09 10:00", "2026-11-09 11:20", "1 jam 20 menit kerja")]
    // Over the weekend only office hours count: Friday 15.00–16.00 and Monday 07.30–08.00.
    [InlineData("4 jam", "2026-11-06 15:00", "2026-11-09 08:00", "1 jam 30 menit kerja")]
    [InlineData("30 menit", "2026-11-09 07:30", "2026-11-09 07:42", "12 menit kerja")]
    [InlineData("30 menit", "2026-11-09 07:30", "2026-11-09 07:30", "0 menit kerja")]
    public void Time_spent_in_a_step_is_counted_in_its_own_unit(string waktu, string from, string to, string expected)
    {
        Assert.Equal(expected, Calendar.TimeBetween(Waktu(waktu), Wita(from), Wita(to)).Text);
    }

    [Fact]
    public void A_step_without_waktu_counts_in_working_days_and_has_no_deadline()
    {
        var sla = Calendar.Evaluate(null, null, Wita("2026-11-09 10:00"));

        Assert.Equal("1 hari kerja", Calendar.TimeBetween(null, Wita("2026-11-06 10:00"), Wita("2026-11-09 10:00")).Text);
        Assert.Equal(("tanpa tenggat", (string?)null), (sla.Label, StepTimeText.Remaining(sla)));
    }

    [Fact]
    public void Averages_are_worded_in_the_unit_of_the_step()
    {
        Assert.Equal("2,5 hari kerja", StepTimeText.Average(StepTimeUnit.WorkingDays, [StepTime.InWorkingDays(2), StepTime.InWorkingDays(3)]));
        Assert.Equal("3,5 hari kalender", StepTimeText.Average(StepTimeUnit.CalendarDays, [StepTime.InCalendarDays(3), StepTime.InCalendarDays(4)]));
        Assert.Equal("1 jam 15 menit kerja",
            StepTimeText.Average(StepTimeUnit.WorkingTime, [StepTime.InWorkingTime(TimeSpan.FromHours(1)), StepTime.InWorkingTime(TimeSpan.FromMinutes(90))]));
        Assert.Equal("—", StepTimeText.Average(StepTimeUnit.WorkingTime, []));
        Assert.Throws<ArgumentException>(() => StepTimeText.Average(StepTimeUnit.WorkingDays, [StepTime.InWorkingTime(TimeSpan.FromHours(1))]));
    }

    [Theory]
    [InlineData(0, "0 menit")]
    [InlineData(45, "45 menit")]
    [InlineData(60, "1 jam")]
    [InlineData(80, "1 jam 20 menit")]
    [InlineData(1500, "25 jam")]
    public void Office_time_is_worded_in_jam_and_menit_to_the_minute_below(int minutes, string expected)
    {
        Assert.Equal(expected, StepTimeText.Words(TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(59)));
    }
}
