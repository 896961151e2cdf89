using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Reports;
using Portal.Tests.Domain;
using static Portal.Tests.Features.Reports.ReportTestData;

namespace Portal.Tests.Features.Reports;

public sealed class DashboardFiguresTests
{
    private static readonly ReportPeriod Year2026 = new(2026, null, OfficeZone.Wita);

    [Fact]
    public void The_year_counts_the_innovations_active_in_it_by_state_and_tahapan()
    {
        var snapshot = Snapshot(Year2026);

        Assert.Equal([A.Id, B.Id, C.Id, D.Id, F.Id], snapshot.Innovations.Select(i => i.Id).Order());
        // Running: B, C, F; finished: A; cancelled: D; late now: B only (F is due soon).
        Assert.Equal(new DashboardSummary(5, 3, 1, 1, 1), DashboardFigures.Summary(snapshot));
        // B and C at step 1–2 (Inisiatif), F at step 7 (Uji coba), A finished (Penerapan); D cancelled is left out.
        Assert.Equal(
            [(InnovationStage.Inisiatif, 2), (InnovationStage.UjiCoba, 1), (InnovationStage.Penerapan, 1)],
            DashboardFigures.Stages(snapshot).Select(s => (s.Stage, s.Innovations)));
    }

    [Fact]
    public void Each_step_counts_its_finished_runs_how_many_were_on_time_and_their_average_working_days()
    {
        var steps = DashboardFigures.Steps(Snapshot(Year2026)).ToDictionary(s => s.Number);

        // Step 1: A 5, B 1, D 1, F 5 working days, all before their due dates.
        Assert.Equal((4, 4, 3.0, 10), (steps[1].Finished, steps[1].OnTime, steps[1].AverageWorkingDays!.Value, steps[1].SopWorkingDays!.Value));
        Assert.Equal(1.0, steps[1].OnTimeRate);
        // Step 2: A, B's first run, D and F took one day each; B's second run is still open and not counted.
        Assert.Equal((4, 4, 1.0), (steps[2].Finished, steps[2].OnTime, steps[2].AverageWorkingDays!.Value));
        // Step 3 has no SOP time: never late, even B's "tidak sesuai" counts as a finished verification.
        Assert.Equal((4, 4, 0.0, (int?)null, "—"), (steps[3].Finished, steps[3].OnTime, steps[3].AverageWorkingDays!.Value, steps[3].SopWorkingDays, steps[3].WaktuSop));
        // Step 4: A 5 days (late), D 1 (on time), F 3 (late).
        Assert.Equal((3, 1, 3.0, 2), (steps[4].Finished, steps[4].OnTime, steps[4].AverageWorkingDays!.Value, steps[4].SopWorkingDays!.Value));
        Assert.Equal(1.0 / 3, steps[4].OnTimeRate!.Value, 6);
        // Step 6: A 2 (on time), F 7 (late); D's cancelled run is no finished step.
        Assert.Equal((2, 1, 4.5, "1 minggu"), (steps[6].Finished, steps[6].OnTime, steps[6].AverageWorkingDays!.Value, steps[6].WaktuSop));
        // A step of weeks is read in working days.
        Assert.Equal(("3,0 hari kerja", "4,5 hari kerja", StepTimeUnit.WorkingDays), (steps[1].AverageTaken, steps[6].AverageTaken, steps[6].Unit));
        // Steps 7–10: only A.
        Assert.Equal([1, 1, 1, 1], new[] { 7, 8, 9, 10 }.Select(n => steps[n].Finished));
        Assert.Equal([1.0, 1.0, 0.0, 1.0], new[] { 7, 8, 9, 10 }.Select(n => steps[n].AverageWorkingDays!.Value));
    }

    [Fact]
    public void Late_steps_are_counted_per_bidang_finished_late_or_still_open_and_late()
    {
        // PDIP: A step 4, F steps 4 and 6. Dafduk: B's open step 2. Capil: none (D's cancelled step does not count).
        Assert.Equal([("PDIP", 3), ("Dafduk", 1), ("Capil", 0)],
            DashboardFigures.LateByBidang(Snapshot(Year2026)).Select(b => (b.Bidang, b.LateSteps)));
        Assert.Equal([("Dafduk", 1)], DashboardFigures.LateByBidang(Snapshot(Year2026, bidangId: 2)).Select(b => (b.Bidang, b.LateSteps)));
    }

    [Fact]
    public void Innovations_finished_per_month_put_A_in_October_only()
    {
        var months = DashboardFigures.FinishedPerMonth(Snapshot(Year2026));

        Assert.Equal(12, months.Count);
        Assert.Equal(["Januari", "Oktober", "Desember"], new[] { 0, 9, 11 }.Select(i => months[i].Label));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], months.Select(m => m.Finished));
    }

    [Fact]
    public void A_month_counts_only_what_happened_in_it()
    {
        var november = Snapshot(new ReportPeriod(2026, 11, OfficeZone.Wita));

        // A ended in October, D in September.
        Assert.Equal([B.Id, C.Id, F.Id], november.Innovations.Select(i => i.Id).Order());
        var steps = DashboardFigures.Steps(november).ToDictionary(s => s.Number);
        Assert.Equal((2, 3.0), (steps[1].Finished, steps[1].AverageWorkingDays!.Value));
        Assert.Equal((1, 0), (steps[4].Finished, steps[4].OnTime));
        Assert.Equal((0, (double?)null, (double?)null), (steps[10].Finished, steps[10].AverageWorkingDays, steps[10].OnTimeRate));
        Assert.Equal([("PDIP", 2), ("Dafduk", 1), ("Capil", 0)], DashboardFigures.LateByBidang(november).Select(b => (b.Bidang, b.LateSteps)));
    }

    [Fact]
    public void A_past_period_is_judged_as_it_stood_at_its_end()
    {
        // Seen on 10 December, November ends with F still at step 7, due 26 November: late at the end of the month.
        var november = Snapshot(new ReportPeriod(2026, 11, OfficeZone.Wita), now: TestCalendar.Wita("2026-12-10 09:00"));

        Assert.Equal(TestCalendar.Wita("2026-12-01 00:00").AddTicks(-1), november.AsOf);
        Assert.Equal(new DashboardSummary(3, 3, 0, 0, 2), DashboardFigures.Summary(november));
        var f = F.StateAt(november.AsOf)!;
        Assert.Equal((7, InnovationStatus.Berjalan), (f.Step, f.Status));
        Assert.Equal(2, november.Sla(f.OpenRun!).WorkingDaysLate);
        // On 13 November at noon F was at step 6, in the Uji coba stage.
        var earlier = F.StateAt(TestCalendar.Wita("2026-11-13 12:00"))!;
        Assert.Equal((6, InnovationStage.UjiCoba), (earlier.Step, november.StageOf(F, earlier)));
        Assert.Null(C.StateAt(TestCalendar.Wita("2026-11-20 12:00")));
    }

    [Fact]
    public void A_step_counted_in_hours_reports_its_time_taken_in_office_hours()
    {
        // The SOP with step 9 (Menyusun laporan) given 4 jam instead of 1 hari; office 07.30–16.00 WITA.
        var fourHours = new SopDuration(4, DurationUnit.WorkingHours);
        var sop = SopFixture.Sop with { Steps = [.. SopFixture.Sop.Steps.Select(s => s.Number == 9 ? s with { Duration = fourHours } : s)] };
        // G: Mon 2 Nov 10:00–13:00, 3 office hours, due 14:00: on time.
        // H: Fri 6 Nov 15:00–Mon 9 Nov 12:00, 1 hour on Friday and 4.5 on Monday, due Mon 10:30: late.
        var g = HourRun(901, "2026-11-02 10:00", "2026-11-02 13:00", fourHours);
        var h = HourRun(902, "2026-11-06 15:00", "2026-11-09 12:00", fourHours);
        Assert.Equal(TestCalendar.Wita("2026-11-09 10:30"), h.DueAt);
        var innovations = new[] { A with { Id = 7, Runs = [g] }, A with { Id = 8, Runs = [h] } };
        var snapshot = new ReportSnapshot(Year2026, null, innovations, new Dictionary<int, SopDocument> { [1] = sop }, sop, ReportTestData.Bidang,
            Calendar, DueSoonWorkingDays: 1, Now);

        var step9 = DashboardFigures.Steps(snapshot).Single(s => s.Number == 9);

        Assert.True(step9.InWorkingHours);
        Assert.Equal((2, 1, "4 jam"), (step9.Finished, step9.OnTime, step9.WaktuSop));
        Assert.Equal((4.25, 4.0), (step9.AverageWorkingHours!.Value, step9.SopWorkingHours!.Value));
        // Still counted in working days as well (G none, H one) for the period report; no SOP time in days.
        Assert.Equal((0.5, (int?)null), (step9.AverageWorkingDays!.Value, step9.SopWorkingDays));
        // Read in its own unit: 3 and 5.5 office hours make 4 hours 15 minutes on average.
        Assert.Equal((StepTimeUnit.WorkingTime, "4 jam 15 menit kerja", 4.25, 4.0), (step9.Unit, step9.AverageTaken, step9.AverageInUnit, step9.SopInUnit));
        var periodRow = PeriodReport.Build(snapshot, null, ReportSamples.Office).Steps.Single(s => s.Number == 9);
        Assert.Equal((StepTimeUnit.WorkingTime, "4 jam 15 menit kerja"), (periodRow.Satuan, periodRow.RataRataLama));
        Assert.False(DashboardFigures.Steps(Snapshot(Year2026)).Single(s => s.Number == 9).InWorkingHours);
    }

    [Fact]
    public void A_step_counted_in_calendar_days_reports_its_time_taken_in_calendar_days()
    {
        var threeDays = new SopDuration(3, DurationUnit.CalendarDays);
        var sop = SopFixture.Sop with { Steps = [.. SopFixture.Sop.Steps.Select(s => s.Number == 9 ? s with { Duration = threeDays } : s)] };
        // Fri 6 Nov to Mon 9 Nov: 3 calendar days (1 working day); Mon 9 Nov to Tue 10 Nov: 1 (1).
        var innovations = new[]
        {
            A with { Id = 7, Runs = [HourRun(901, "2026-11-06 10:00", "2026-11-09 12:00", threeDays)] },
            A with { Id = 8, Runs = [HourRun(902, "2026-11-09 10:00", "2026-11-10 12:00", threeDays)] },
        };
        var snapshot = new ReportSnapshot(Year2026, null, innovations, new Dictionary<int, SopDocument> { [1] = sop }, sop, ReportTestData.Bidang,
            Calendar, DueSoonWorkingDays: 1, Now);

        var step9 = DashboardFigures.Steps(snapshot).Single(s => s.Number == 9);

        Assert.Equal((StepTimeUnit.CalendarDays, "2,0 hari kalender", 2.0, 3.0), (step9.Unit, step9.AverageTaken, step9.AverageInUnit, step9.SopInUnit));
        Assert.Equal(1.0, step9.AverageWorkingDays);
    }

    private static ReportRun HourRun(long id, string started, string finished, SopDuration duration)
    {
        var startedAt = TestCalendar.Wita(started);
        return new ReportRun(id, 9, startedAt, Calendar.DueAt(startedAt, duration), TestCalendar.Wita(finished), StepOutcome.Selesai, duration);
    }
}
