using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;
using Portal.Features.Workflow;

namespace Portal.Features.Reports;

/// <summary>What the report filters offer: the years with items (up to this year), every bidang and every SOP.</summary>
public sealed record ReportChoices(IReadOnlyList<int> Years, IReadOnlyList<Bidang> Bidang, int CurrentYear, int CurrentMonth, IReadOnlyList<SopSummary> Sops)
{
    /// <summary>The SOP a request is about: the one it names, or the innovation SOP. Null when it names no SOP the office runs.</summary>
    public SopSummary? SopOf(ReportRequest request) =>
        request.Sop is { } id ? Sops.FirstOrDefault(s => s.Id == id) : Sops.FirstOrDefault(s => s.RecordKind == SopRecordKind.InovasiPelayanan);
}

/// <summary>Loads the items of one SOP active in a period (optionally of one bidang) with their runs, for the leadership views.</summary>
public sealed class ReportSnapshotQuery(
    IDbContextFactory<PortalDbContext> dbFactory, SopCatalog sops, CalendarProvider calendars, OfficeTime officeTime, TimeProvider clock)
{
    /// <param name="sopId">The SOP whose items and steps the figures are about.</param>
    public async Task<ReportSnapshot> LoadAsync(ReportPeriod period, int? bidangId, int sopId, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var end = period.End;
        var query = db.Innovations.AsNoTracking().Where(i => i.CreatedAt < end && i.SopDefinition!.SopId == sopId);
        if (bidangId is { } onlyBidang) query = query.Where(i => i.BidangId == onlyBidang);
        var loaded = await query
            .Include(i => i.Bidang).Include(i => i.Proposer).Include(i => i.StepRuns)
            .AsSplitQuery()
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var allBidang = await db.Bidang.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken);

        var (currentSopId, currentSop) = await sops.CurrentAsync(sopId, cancellationToken);
        var documents = new Dictionary<int, SopDocument> { [currentSopId] = currentSop };
        foreach (var definitionId in loaded.Select(i => i.SopDefinitionId).Distinct().Where(id => !documents.ContainsKey(id)))
            documents[definitionId] = await sops.GetAsync(definitionId, cancellationToken);

        var innovations = loaded
            .Select(i => new ReportInnovation(
                i.Id, i.Title, i.Summary, i.Background, i.Goal, i.Benefit, i.Type, i.Affair, i.Budget, i.StartDate,
                i.BidangId, i.Bidang!.Name, i.Proposer!.FullName, i.Proposer.UserName, i.SopDefinitionId, i.Status, i.CreatedAt,
                i.StepRuns.OrderBy(r => r.Id)
                    .Select(r => new ReportRun(r.Id, r.StepNumber, r.StartedAt, r.DueAt, r.FinishedAt, r.Outcome,
                        documents[i.SopDefinitionId].Steps.FirstOrDefault(s => s.Number == r.StepNumber)?.Duration))
                    .ToList()))
            .Where(i => i.ActiveIn(period))
            .ToList();

        return new ReportSnapshot(period, bidangId, innovations, documents, currentSop, allBidang, calendar,
            calendars.DueSoonWorkingDays, clock.GetUtcNow());
    }

    public async Task<ReportChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var today = officeTime.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var first = await db.Innovations.OrderBy(i => i.CreatedAt).Select(i => (DateTimeOffset?)i.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var firstYear = Math.Min(first is { } created ? officeTime.LocalDate(created).Year : today.Year, today.Year);
        var bidang = await db.Bidang.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken);
        return new ReportChoices(Enumerable.Range(firstYear, today.Year - firstYear + 1).Reverse().ToList(), bidang, today.Year, today.Month,
            await sops.ListAsync(cancellationToken));
    }
}
