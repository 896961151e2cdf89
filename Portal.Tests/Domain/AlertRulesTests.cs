using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

public class AlertRulesTests
{
    private static readonly SopDuration TwoDays = new(2, DurationUnit.WorkingDays);

    private readonly WorkingCalendar _calendar = Create2026();

    [Theory]
    // Due Tue 10 Nov 2026 16:00; soon due from one working day left, escalation from two working days late.
    [InlineData("2026-11-06 10:00", new AlertLevel[0])]
    [InlineData("2026-11-09 10:00", new[] { AlertLevel.DueSoon })]
    [InlineData("2026-11-10 16:01", new[] { AlertLevel.Late })]
    [InlineData("2026-11-11 09:00", new[] { AlertLevel.Late })]
    [InlineData("2026-11-12 09:00", new[] { AlertLevel.Late, AlertLevel.Escalation })]
    public void Levels_follow_the_SLA_rule_and_soon_due_is_not_sent_once_late(string now, AlertLevel[] expected)
    {
        var levels = AlertRules.LevelsReached(_calendar.Evaluate(Wita("2026-11-10 16:00"), TwoDays, Wita(now)), escalationWorkingDays: 2);

        Assert.Equal(expected, levels);
    }

    [Theory]
    [InlineData("2026-03-13 10:00", 1)]   // Friday before the weekend
    [InlineData("2026-03-17 09:00", 1)]   // the day before Nyepi, Idul Fitri and cuti bersama
    [InlineData("2026-03-21 12:00", 1)]   // a holiday Saturday
    [InlineData("2026-03-17 09:00", 3)]
    [InlineData("2026-12-23 09:00", 0)]   // before cuti bersama and Christmas
    public void Steps_due_at_or_after_the_horizon_are_on_time_and_steps_due_before_it_are_not(string now, int dueSoonDays)
    {
        var instant = Wita(now);
        var horizon = _calendar.DueSoonHorizon(instant, dueSoonDays);

        for (var due = instant.AddDays(-3); due < instant.AddDays(21); due = due.AddMinutes(30))
        {
            var level = _calendar.Evaluate(due, TwoDays, instant, dueSoonDays).Level;
            Assert.True(due >= horizon == (level == SlaLevel.OnTime), $"due {due:yyyy-MM-dd HH:mm zzz}: {level}, horizon {horizon:yyyy-MM-dd HH:mm zzz}");
        }
    }

    [Theory]
    // A 4-hour step due Mon 9 Nov 2026 14:00 (default office 07.30–16.00): soon due for its last working hour, escalated
    // once late by its own 4 office hours (2 on Monday afternoon, 2 from Tuesday's opening), before 2 working days.
    [InlineData("2026-11-09 12:00", new AlertLevel[0])]
    [InlineData("2026-11-09 13:30", new[] { AlertLevel.DueSoon })]
    [InlineData("2026-11-09 14:30", new[] { AlertLevel.Late })]
    [InlineData("2026-11-09 23:00", new[] { AlertLevel.Late })]
    [InlineData("2026-11-10 09:29", new[] { AlertLevel.Late })]
    [InlineData("2026-11-10 09:30", new[] { AlertLevel.Late, AlertLevel.Escalation })]
    public void An_hour_step_escalates_once_late_by_its_own_waktu(string now, AlertLevel[] expected)
    {
        var levels = AlertRules.LevelsReached(
            _calendar.Evaluate(Wita("2026-11-09 14:00"), new SopDuration(4, DurationUnit.WorkingHours), Wita(now)), escalationWorkingDays: 2);

        Assert.Equal(expected, levels);
    }

    [Theory]
    // A 40-hour step due Mon 9 Nov 14:00: the escalation setting (2 working days) comes before 40 office hours.
    [InlineData("2026-11-10 15:00", new[] { AlertLevel.Late })]
    [InlineData("2026-11-11 08:00", new[] { AlertLevel.Late, AlertLevel.Escalation })]
    public void A_long_hour_step_escalates_after_the_escalation_working_days(string now, AlertLevel[] expected)
    {
        var levels = AlertRules.LevelsReached(
            _calendar.Evaluate(Wita("2026-11-09 14:00"), new SopDuration(40, DurationUnit.WorkingHours), Wita(now)), escalationWorkingDays: 2);

        Assert.Equal(expected, levels);
    }

    public static TheoryData<string, int, int, DurationUnit> HourStepsAroundHolidays => new()
    {
        { "2026-03-13 15:30", 1, 30, DurationUnit.WorkingMinutes },
        { "2026-03-17 09:00", 1, 4, DurationUnit.WorkingHours },
        { "2026-03-17 15:45", 0, 16, DurationUnit.WorkingHours },
        { "2026-03-21 12:00", 1, 40, DurationUnit.WorkingHours },
        { "2026-12-23 15:00", 0, 30, DurationUnit.WorkingMinutes },
        { "2026-11-06 15:50", 1, 8, DurationUnit.WorkingHours },
        { "2026-11-06 15:50", 3, 90, DurationUnit.WorkingHours },
    };

    [Theory]
    [MemberData(nameof(HourStepsAroundHolidays))]
    public void No_hour_step_due_at_or_after_the_horizon_is_due_soon_or_late(string now, int dueSoonDays, int value, DurationUnit unit)
    {
        var instant = Wita(now);
        var duration = new SopDuration(value, unit);
        var horizon = _calendar.DueSoonHorizon(instant, dueSoonDays);
        var notOnTime = 0;

        for (var due = instant.AddDays(-3); due < instant.AddDays(21); due = due.AddMinutes(10))
        {
            var level = _calendar.Evaluate(due, duration, instant, dueSoonDays).Level;
            if (level == SlaLevel.OnTime) continue;
            notOnTime++;
            Assert.True(due < horizon, $"due {due:yyyy-MM-dd HH:mm zzz}: {level}, horizon {horizon:yyyy-MM-dd HH:mm zzz}");
        }
        Assert.True(notOnTime > 3 * 24 * 6, "the window should hold late steps and some due soon ones");
    }

    [Fact]
    public void The_horizon_is_the_office_midnight_in_its_own_zone()
    {
        var wit = Office(OfficeHours.Default, OfficeZone.Wit);

        // Thu 5 Nov 2026 20:00 WIT, one day due soon: midnight starting Mon 9 Nov in Jayapura.
        Assert.Equal(Local("2026-11-09 00:00", OfficeZone.Wit), wit.DueSoonHorizon(Local("2026-11-05 20:00", OfficeZone.Wit), 1));
    }

    [Fact]
    public void The_supervisor_is_the_next_level_up_that_covers_the_items_bidang()
    {
        OfficePosition[] positions =
        [
            new(1, "Pejabat Fungsional PDIP", PositionLevel.Staf, 5),
            new(2, "Kepala Bidang PDIP", PositionLevel.KepalaBidang, 5),
            new(3, "Kepala Seksi Identitas", PositionLevel.KepalaSeksi, 2),
            new(4, "Kepala Bidang Dafduk", PositionLevel.KepalaBidang, 2),
            new(5, "Kepala Dinas", PositionLevel.KepalaDinas, null),
        ];

        Assert.Equal([2], OfficeRules.SupervisorsOf(PositionLevel.Staf, 5, positions).Select(p => p.Id));
        Assert.Equal([3], OfficeRules.SupervisorsOf(PositionLevel.Staf, 2, positions).Select(p => p.Id));
        Assert.Equal([4], OfficeRules.SupervisorsOf(PositionLevel.KepalaSeksi, 2, positions).Select(p => p.Id));
        Assert.Equal([5], OfficeRules.SupervisorsOf(PositionLevel.KepalaBidang, 5, positions).Select(p => p.Id));
        Assert.Empty(OfficeRules.SupervisorsOf(PositionLevel.KepalaDinas, 5, positions));
        Assert.Equal([5], OfficeRules.HeadsOfOffice(positions).Select(p => p.Id));
    }
}
