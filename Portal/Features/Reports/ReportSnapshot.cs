using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Reports;

/// <param name="Duration">The step's waktu in the innovation's SOP version: what the run is judged against.</param>
public sealed record ReportRun(long Id, int StepNumber, DateTimeOffset StartedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt, StepOutcome? Outcome,
    SopDuration? Duration);

/// <summary>An innovation as the reports read it: its record fields and every run of every step, oldest first.</summary>
public sealed record ReportInnovation(
    int Id,
    string Title,
    string Summary,
    string Background,
    string Goal,
    string Benefit,
    InnovationType Type,
    GovernmentAffair Affair,
    decimal? Budget,
    DateOnly StartDate,
    int BidangId,
    string Bidang,
    string Proposer,
    string? ProposerNip,
    int SopDefinitionId,
    InnovationStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ReportRun> Runs)
{
    /// <summary>The step it is at now, or the step it ended at.</summary>
    public int CurrentStep => Runs[^1].StepNumber;

    /// <summary>When it was finished or cancelled; null while it runs.</summary>
    public DateTimeOffset? EndedAt => Status == InnovationStatus.Berjalan ? null : Runs.Max(r => r.FinishedAt);

    public bool ActiveIn(ReportPeriod period) => CreatedAt < period.End && (EndedAt is not { } ended || ended >= period.Start);

    /// <summary>Where it stood at an instant: the run open then, or how it had ended. Null before it was created.</summary>
    public ReportState? StateAt(DateTimeOffset instant)
    {
        if (CreatedAt > instant) return null;
        var open = Runs.LastOrDefault(r => r.StartedAt <= instant && (r.FinishedAt is null || r.FinishedAt > instant));
        if (open is not null) return new ReportState(open.StepNumber, InnovationStatus.Berjalan, open);
        var last = Runs.Last(r => r.FinishedAt <= instant);
        return new ReportState(last.StepNumber, last.Outcome == StepOutcome.Dibatalkan ? InnovationStatus.Dibatalkan : InnovationStatus.Selesai, null);
    }

    /// <summary>The newest run of each step: the one a report shows when a step was done more than once.</summary>
    public ReportRun? LastRunOf(int stepNumber) => Runs.LastOrDefault(r => r.StepNumber == stepNumber);
}

public sealed record ReportState(int Step, InnovationStatus Status, ReportRun? OpenRun);

/// <summary>
/// Everything the period report, the recap and the dashboard compute from, loaded once: the innovations active
/// in the period (optionally of one bidang), the SOP versions they follow, the calendar and the clock.
/// </summary>
public sealed record ReportSnapshot(
    ReportPeriod Period,
    int? BidangId,
    IReadOnlyList<ReportInnovation> Innovations,
    IReadOnlyDictionary<int, SopDocument> Sops,
    SopDocument CurrentSop,
    IReadOnlyList<Bidang> AllBidang,
    WorkingCalendar Calendar,
    int DueSoonWorkingDays,
    DateTimeOffset Now)
{
    /// <summary>
    /// A past period is judged as it stood at its last instant (so the next month's first day never counts as a
    /// late day); the current one as it stands now.
    /// </summary>
    public DateTimeOffset AsOf => Now < Period.End ? Now : Period.End.AddTicks(-1);

    public SopDocument SopOf(ReportInnovation innovation) => Sops[innovation.SopDefinitionId];

    /// <summary>The tahapan: the step's stage while running, Penerapan once finished.</summary>
    public InnovationStage StageOf(ReportInnovation innovation, ReportState state) =>
        state.Status == InnovationStatus.Selesai ? InnovationStage.Penerapan : SopOf(innovation).Step(state.Step).Stage;

    /// <summary>A run judged by <see cref="SlaRules"/>: when it finished, or at <see cref="AsOf"/> while still open then.</summary>
    public SlaStatus Sla(ReportRun run) =>
        Calendar.Evaluate(run.DueAt, run.Duration, run.FinishedAt is { } finished && finished <= AsOf ? finished : AsOf, DueSoonWorkingDays);

    public int WorkingDays(ReportRun run) => Calendar.WorkingDaysElapsed(run.StartedAt, run.FinishedAt ?? AsOf);

    /// <summary>The time a run took (to <see cref="AsOf"/> while open), counted in the unit of the given waktu.</summary>
    public StepTime TimeTaken(ReportRun run, SopDuration? duration) => Calendar.TimeBetween(duration, run.StartedAt, run.FinishedAt ?? AsOf);

    /// <summary>Office hours spent on a run (from its start to its end, or to <see cref="AsOf"/> while open).</summary>
    public double WorkingHours(ReportRun run) => Calendar.WorkingTimeBetween(run.StartedAt, run.FinishedAt ?? AsOf).TotalHours;

    /// <summary>Runs that ended in the period by doing the step (a cancellation is no finished step).</summary>
    public IEnumerable<ReportRun> RunsFinishedInPeriod(ReportInnovation innovation) =>
        innovation.Runs.Where(r => r.FinishedAt is { } f && Period.Contains(f) && f <= AsOf && r.Outcome != StepOutcome.Dibatalkan);
}
