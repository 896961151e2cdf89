using Portal.Domain;

namespace Portal.Features.Reports;

public sealed record DashboardSummary(int Active, int Running, int Finished, int Cancelled, int RunningLate);

public sealed record StageFigure(InnovationStage Stage, int Innovations)
{
    public string Label => Stage.Name();
}

/// <summary>
/// The runs of one SOP step that finished in the period, judged against the step's SOP time. Every step is measured in
/// working days; a step whose waktu is in hours or minutes also in office hours (<see cref="AverageWorkingHours"/>), one
/// in calendar days also in calendar days. <see cref="Unit"/> says which of these the step is read in.
/// </summary>
public sealed record StepFigure(int Number, string Kegiatan, int Finished, int OnTime, double? AverageWorkingDays, int? SopWorkingDays, string WaktuSop,
    double? AverageWorkingHours, double? SopWorkingHours)
{
    public double? OnTimeRate => Finished == 0 ? null : (double)OnTime / Finished;

    /// <summary>The step's waktu is in hours or minutes: its time taken is best read in office hours.</summary>
    public bool InWorkingHours => SopWorkingHours is not null;

    /// <summary>The unit of the step's waktu, in which its time taken is read.</summary>
    public StepTimeUnit Unit { get; init; }

    public double? AverageCalendarDays { get; init; }

    public int? SopCalendarDays { get; init; }

    /// <summary>The mean time taken in the step's unit, worded: "2,4 hari kerja", "1 jam 12 menit kerja", "—".</summary>
    public string AverageTaken { get; init; } = "—";

    /// <summary>The mean time taken in the step's unit as a number (hours for a step of hours or minutes), for a chart.</summary>
    public double? AverageInUnit => Unit switch
    {
        StepTimeUnit.WorkingTime => AverageWorkingHours,
        StepTimeUnit.CalendarDays => AverageCalendarDays,
        _ => AverageWorkingDays,
    };

    /// <summary>The step's waktu as a number in its unit (hours for a step of hours or minutes), for a chart.</summary>
    public double? SopInUnit => Unit switch
    {
        StepTimeUnit.WorkingTime => SopWorkingHours,
        StepTimeUnit.CalendarDays => SopCalendarDays,
        _ => SopWorkingDays,
    };
}

/// <summary>Step runs of one bidang's innovations that were late: finished late in the period, or still open and late.</summary>
public sealed record BidangLateFigure(int BidangId, string Bidang, int LateSteps);

public sealed record MonthFigure(int Month, string Label, int Finished);

public sealed record Dashboard(
    DashboardSummary Summary,
    IReadOnlyList<StageFigure> Stages,
    IReadOnlyList<StepFigure> Steps,
    IReadOnlyList<BidangLateFigure> LateByBidang,
    IReadOnlyList<MonthFigure> FinishedPerMonth);

/// <summary>The leadership figures, computed from a loaded <see cref="ReportSnapshot"/> and nothing else.</summary>
public static class DashboardFigures
{
    public static Dashboard Compute(ReportSnapshot snapshot) =>
        new(Summary(snapshot), Stages(snapshot), Steps(snapshot), LateByBidang(snapshot), FinishedPerMonth(snapshot));

    public static DashboardSummary Summary(ReportSnapshot snapshot)
    {
        var states = States(snapshot).ToList();
        return new DashboardSummary(
            states.Count,
            states.Count(s => s.State.Status == InnovationStatus.Berjalan),
            states.Count(s => s.State.Status == InnovationStatus.Selesai),
            states.Count(s => s.State.Status == InnovationStatus.Dibatalkan),
            states.Count(s => s.State.OpenRun is { } open && snapshot.Sla(open).Level == SlaLevel.Late));
    }

    /// <summary>Innovations by tahapan at the end of the period (or now); cancelled ones are left out.</summary>
    public static IReadOnlyList<StageFigure> Stages(ReportSnapshot snapshot)
    {
        var counts = States(snapshot)
            .Where(s => s.State.Status != InnovationStatus.Dibatalkan)
            .GroupBy(s => snapshot.StageOf(s.Innovation, s.State))
            .ToDictionary(g => g.Key, g => g.Count());
        return Enum.GetValues<InnovationStage>().Select(stage => new StageFigure(stage, counts.GetValueOrDefault(stage))).ToList();
    }

    public static IReadOnlyList<StepFigure> Steps(ReportSnapshot snapshot)
    {
        var finished = snapshot.Innovations.SelectMany(snapshot.RunsFinishedInPeriod).ToLookup(r => r.StepNumber);
        return snapshot.CurrentSop.Steps.Select(step =>
        {
            var runs = finished[step.Number].ToList();
            var waktuHours = WorkingCalendar.WorkingTime(step.Duration)?.TotalHours;
            var unit = StepTime.UnitOf(step.Duration);
            var taken = runs.Select(r => snapshot.TimeTaken(r, step.Duration)).ToList();
            return new StepFigure(
                step.Number,
                step.ShortName,
                runs.Count,
                runs.Count(r => snapshot.Sla(r).Level != SlaLevel.Late),
                runs.Count == 0 ? null : runs.Average(snapshot.WorkingDays),
                step.Duration is { Unit: DurationUnit.WorkingDays } duration ? duration.Value : null,
                step.Duration.Label(),
                waktuHours is null || runs.Count == 0 ? null : runs.Average(snapshot.WorkingHours),
                waktuHours)
            {
                Unit = unit,
                AverageCalendarDays = unit == StepTimeUnit.CalendarDays && runs.Count > 0 ? taken.Average(t => t.Days) : null,
                SopCalendarDays = step.Duration is { Unit: DurationUnit.CalendarDays } calendarDays ? calendarDays.Value : null,
                AverageTaken = StepTimeText.Average(unit, taken),
            };
        }).ToList();
    }

    public static IReadOnlyList<BidangLateFigure> LateByBidang(ReportSnapshot snapshot)
    {
        var lateByBidang = States(snapshot)
            .GroupBy(s => s.Innovation.BidangId)
            .ToDictionary(g => g.Key, g => g.Sum(s => LateRuns(snapshot, s.Innovation, s.State)));
        return snapshot.AllBidang
            .Where(b => snapshot.BidangId is null || b.Id == snapshot.BidangId)
            .Select(b => new BidangLateFigure(b.Id, b.ShortName, lateByBidang.GetValueOrDefault(b.Id)))
            .ToList();
    }

    public static IReadOnlyList<MonthFigure> FinishedPerMonth(ReportSnapshot snapshot) =>
        snapshot.Period.Months
            .Select(month => new MonthFigure(month.Month!.Value, ReportPeriod.MonthName(month.Month.Value),
                snapshot.Innovations.Count(i => i.Status == InnovationStatus.Selesai && i.EndedAt is { } ended
                    && month.Contains(ended) && ended <= snapshot.AsOf)))
            .ToList();

    private static int LateRuns(ReportSnapshot snapshot, ReportInnovation innovation, ReportState state) =>
        snapshot.RunsFinishedInPeriod(innovation).Count(r => snapshot.Sla(r).Level == SlaLevel.Late)
        + (state.OpenRun is { } open && snapshot.Sla(open).Level == SlaLevel.Late ? 1 : 0);

    private static IEnumerable<(ReportInnovation Innovation, ReportState State)> States(ReportSnapshot snapshot) =>
        snapshot.Innovations
            .Select(i => (Innovation: i, State: i.StateAt(snapshot.AsOf)))
            .Where(s => s.State is not null)
            .Select(s => (s.Innovation, s.State!));
}
