using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

public class AlertRulesTests
{
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
        var levels = AlertRules.LevelsReached(_calendar.Evaluate(Wita("2026-11-10 16:00"), Wita(now)), escalationWorkingDays: 2);

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
            var level = _calendar.Evaluate(due, instant, dueSoonDays).Level;
            Assert.True(due >= horizon == (level == SlaLevel.OnTime), $"due {due:yyyy-MM-dd HH:mm zzz}: {level}, horizon {horizon:yyyy-MM-dd HH:mm zzz}");
        }
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
