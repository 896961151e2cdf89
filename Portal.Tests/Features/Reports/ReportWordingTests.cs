using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Reports;
using Portal.Tests.Domain;

namespace Portal.Tests.Features.Reports;

public sealed class ReportWordingTests
{
    [Theory]
    // Due Tue 10 Nov 2026 16:00 (2 hari).
    [InlineData("2026-11-10 17:00", "Terlambat kurang dari 1 hari kerja")]
    [InlineData("2026-11-12 09:00", "Terlambat 2 hari kerja")]
    public void A_day_step_is_late_by_working_days(string finished, string expected)
    {
        var sla = TestCalendar.Create2026().Evaluate(TestCalendar.Wita("2026-11-10 16:00"), new SopDuration(2, DurationUnit.WorkingDays), TestCalendar.Wita(finished));

        Assert.Equal(expected, ReportWording.StepStatus(sla, finished: true));
    }

    [Theory]
    // A 4-hour step due Mon 9 Nov 2026 14:00 (office 07.30–16.00 WITA).
    [InlineData("2026-11-09 15:20", "Terlambat 1 jam 20 menit kerja")]
    [InlineData("2026-11-10 08:00", "Terlambat 2 jam 30 menit kerja")]
    public void An_hour_step_is_late_by_office_time(string finished, string expected)
    {
        var sla = TestCalendar.Create2026().Evaluate(TestCalendar.Wita("2026-11-09 14:00"), new SopDuration(4, DurationUnit.WorkingHours), TestCalendar.Wita(finished));

        Assert.Equal(expected, ReportWording.StepStatus(sla, finished: true));
    }

    [Theory]
    [InlineData(null, null, null, "Rizky Ramadhan, S.Kom.", null)]
    [InlineData("Nurul Hidayah, S.E., M.M.", "Plh.", "Kepala Bidang PDIP", "Rizky Ramadhan, S.Kom. (atas nama Nurul Hidayah, S.E., M.M.)", null)]
    [InlineData(null, "Plt.", "Kepala Bidang PDIP", "Rizky Ramadhan, S.Kom. (Plt. Kepala Bidang PDIP)", "Plt.")]
    public void A_run_names_its_finisher_with_whom_they_stood_in_for_or_the_vacant_position_they_acted_in(
        string? onBehalfOf, string? actingTitle, string? actingPosition, string expected, string? vacancyTitle)
    {
        var run = new StepRun { FinishedByName = "Rizky Ramadhan, S.Kom.", OnBehalfOf = onBehalfOf, ActingTitle = actingTitle, ActingPosition = actingPosition };

        Assert.Equal((expected, vacancyTitle), (ReportWording.Actor(run), ReportWording.VacancyTitle(run)));
    }
}
