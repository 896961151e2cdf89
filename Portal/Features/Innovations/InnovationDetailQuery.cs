using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Innovations;

/// <summary>A finished or running step run with its timing already judged against the SOP.</summary>
/// <param name="Taken">The time it took (until now while it runs) in the step's unit.</param>
public sealed record StepRunView(StepRun Run, StepTime Taken, SlaStatus Sla);

/// <param name="OwnFields">The fields of an item of an SOP other than the innovation SOP; null for an innovation.</param>
public sealed record InnovationDetail(
    Innovation Innovation,
    SopDocument Sop,
    SopSummary SopInfo,
    bool IsCurrentSopVersion,
    IReadOnlyList<StepRunView> Runs,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyList<Attachment> Attachments,
    InnovationSummary Summary,
    ItemFieldsShown? OwnFields)
{
    public long? OpenRunId => Runs.LastOrDefault(r => r.Run.FinishedAt is null)?.Run.Id;
}

public sealed class InnovationDetailQuery(
    IDbContextFactory<PortalDbContext> dbFactory, SopCatalog sops, CalendarProvider calendars, InnovationQueries summaries, TimeProvider clock)
{
    public async Task<InnovationDetail?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var innovation = await db.Innovations.AsNoTracking()
            .Include(i => i.Bidang).Include(i => i.Proposer).Include(i => i.StepRuns)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (innovation is null) return null;

        var history = await db.AuditEntries.AsNoTracking().Where(a => a.InnovationId == id)
            .OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.InnovationId == id).ToListAsync(cancellationToken);
        var sop = await sops.GetAsync(innovation.SopDefinitionId, cancellationToken);
        var sopId = await db.SopDefinitions.Where(d => d.Id == innovation.SopDefinitionId).Select(d => d.SopId).FirstAsync(cancellationToken);
        var sopInfo = (await sops.ListAsync(cancellationToken)).First(s => s.Id == sopId);
        var (currentSopId, _) = await sops.CurrentAsync(sopId, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var runs = innovation.StepRuns.OrderBy(r => r.Id)
            .Select(r => new StepRunView(r,
                calendar.TimeBetween(sop.Step(r.StepNumber).Duration, r.StartedAt, r.FinishedAt ?? now),
                calendar.Evaluate(r.DueAt, sop.Step(r.StepNumber).Duration, r.FinishedAt ?? now, calendars.DueSoonWorkingDays)))
            .ToList();
        var summary = (await summaries.SummariesAsync(onlyId: id, cancellationToken: cancellationToken)).Single();
        return new InnovationDetail(innovation, sop, sopInfo, currentSopId == innovation.SopDefinitionId, runs, history, attachments, summary,
            await ItemFieldLookup.ShownAsync(db, innovation, cancellationToken));
    }
}
