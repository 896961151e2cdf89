using Portal.Domain;
using static Portal.Tests.Domain.TestCalendar;

namespace Portal.Tests.Domain;

public class SlaRulesTests
{
    private readonly WorkingCalendar _calendar = Create2026();

    [Fact]
    public void No_due_date_means_no_deadline()
    {
        var status = _calendar.Evaluate(null, Wita("2026-11-09 10:00"));

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
        var status = _calendar.Evaluate(Wita("2026-11-10 16:00"), Wita(now));

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
        var status = _calendar.Evaluate(Wita("2026-03-17 16:00"), Wita(now));

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
        var status = _calendar.Evaluate(Wita("2026-11-10 16:00"), Wita(now), dueSoonWorkingDays);

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
}
