using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Innovations;

/// <summary>An innovation as lists, cards and screens show it, with its SLA state already decided.</summary>
/// <param name="TimeInStep">How long it has been at its current step, in the step's unit (zero once ended).</param>
public sealed record InnovationSummary(
    int Id,
    string Title,
    int BidangId,
    string Bidang,
    string ProposerId,
    string Proposer,
    int CurrentStep,
    InnovationStatus Status,
    int ReturnCount,
    int SopDefinitionId,
    int SopVersion,
    DateTimeOffset StepStartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset UpdatedAt,
    long Version,
    SlaStatus Sla,
    StepTime TimeInStep,
    bool CurrentStepHasOutput,
    int SopId)
{
    public InnovationState State => new(CurrentStep, Status, BidangId);

    /// <summary>
    /// The innovation's identity only (equality stays by value). MudDropZone keys each card by its item's hash, so a
    /// hash over every field made a card whose lateness or data changed a new component, closing its open menu.
    /// </summary>
    public override int GetHashCode() => Id;
}

/// <summary>Read-side queries shared by the list, the board and the TV screen.</summary>
public sealed class InnovationQueries(IDbContextFactory<PortalDbContext> dbFactory, CalendarProvider calendars, SopCatalog sops, TimeProvider clock)
{
    public sealed record LatestRun(long Id, DateTimeOffset StartedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt);

    public sealed record SummaryRow(int Id, string Title, int BidangId, string Bidang, string ProposerId, string Proposer, int CurrentStep,
        InnovationStatus Status, int ReturnCount, int SopDefinitionId, int SopVersion, DateTimeOffset UpdatedAt, long Version, LatestRun Run, int SopId);

    /// <summary>The innovations with their latest step run (the index on step runs by innovation and id finds it directly).</summary>
    /// <param name="sopId">When set, only the items of this SOP (any of its versions).</param>
    public static IQueryable<SummaryRow> RowsQuery(PortalDbContext db, DateTimeOffset? finishedSince = null, int? onlyId = null, int? sopId = null)
    {
        var query = db.Innovations.AsNoTracking();
        if (finishedSince is { } since) query = query.Where(i => i.Status == InnovationStatus.Berjalan || i.UpdatedAt >= since);
        if (onlyId is { } id) query = query.Where(i => i.Id == id);
        if (sopId is { } sop) query = query.Where(i => i.SopDefinition!.SopId == sop);
        // Joined on the highest run id (a correlated MAX that the index answers by one seek); EF's translation of
        // "latest run via OrderByDescending().First()" numbered every step run of every innovation instead.
        return query.Join(db.StepRuns, i => i.StepRuns.Max(r => r.Id), r => r.Id, (i, r) => new SummaryRow(
            i.Id, i.Title, i.BidangId, i.Bidang!.ShortName, i.ProposerId, i.Proposer!.FullName,
            i.CurrentStep, i.Status, i.ReturnCount, i.SopDefinitionId, i.SopDefinition!.Version, i.UpdatedAt, i.Version,
            new LatestRun(r.Id, r.StartedAt, r.DueAt, r.FinishedAt), i.SopDefinition!.SopId));
    }

    /// <param name="finishedSince">When set, finished and cancelled innovations changed before this are left out.</param>
    /// <param name="sopId">When set, only the items of this SOP.</param>
    public async Task<IReadOnlyList<InnovationSummary>> SummariesAsync(DateTimeOffset? finishedSince = null, int? onlyId = null, int? sopId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsQuery(db, finishedSince, onlyId, sopId).ToListAsync(cancellationToken);
        var openRunIds = rows.Where(r => r.Run.FinishedAt == null).Select(r => r.Run.Id).ToList();
        var runsWithOutput = (await db.Attachments.Where(a => a.SupersededAt == null && openRunIds.Contains(a.StepRunId))
            .Select(a => a.StepRunId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        var calendar = await calendars.GetAsync(cancellationToken);
        var versions = new Dictionary<int, SopDocument>();
        foreach (var definitionId in rows.Select(r => r.SopDefinitionId).Distinct())
            versions[definitionId] = await sops.GetAsync(definitionId, cancellationToken);
        var now = clock.GetUtcNow();
        return rows
            .Select(r =>
            {
                var running = r.Status == InnovationStatus.Berjalan;
                var waktu = versions[r.SopDefinitionId].Steps.FirstOrDefault(s => s.Number == r.CurrentStep)?.Duration;
                var sla = running
                    ? calendar.Evaluate(r.Run.DueAt, waktu, now, calendars.DueSoonWorkingDays)
                    : new SlaStatus(SlaLevel.NoDeadline, 0, 0);
                var stepStart = running ? r.Run.StartedAt : r.Run.FinishedAt ?? r.Run.StartedAt;
                return new InnovationSummary(r.Id, r.Title, r.BidangId, r.Bidang, r.ProposerId, r.Proposer, r.CurrentStep, r.Status,
                    r.ReturnCount, r.SopDefinitionId, r.SopVersion, stepStart, running ? r.Run.DueAt : null, r.UpdatedAt, r.Version, sla,
                    running ? calendar.TimeBetween(waktu, r.Run.StartedAt, now) : default, runsWithOutput.Contains(r.Run.Id), r.SopId);
            })
            .OrderBy(s => s.Status).ThenBy(s => s.CurrentStep).ThenBy(s => s.DueAt ?? DateTimeOffset.MaxValue)
            .ToList();
    }
}
