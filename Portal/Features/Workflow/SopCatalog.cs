using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>An SOP the office runs, as pages list it.</summary>
public sealed record SopSummary(int Id, string Slug, string Title, string Nomor, SopRecordKind RecordKind);

/// <summary>
/// SOP versions by id, each with the name of its items (<see cref="SopItems.Noun"/>). Versions are immutable once stored,
/// so each is read from the database once.
/// </summary>
public sealed class SopCatalog(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<int, SopDocument> byId = new();

    public async Task<SopDocument> GetAsync(int sopDefinitionId, CancellationToken cancellationToken = default)
    {
        if (byId.TryGetValue(sopDefinitionId, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.SopDefinitions.AsNoTracking().Include(s => s.Steps).Include(s => s.Sop)
            .SingleAsync(s => s.Id == sopDefinitionId, cancellationToken);
        return byId.GetOrAdd(sopDefinitionId, definition.ToDocument() with { ItemNoun = SopItems.Noun(definition.Sop!.RecordKind) });
    }

    /// <summary>The newest version of one SOP: its new items are stamped with it.</summary>
    public async Task<(int Id, SopDocument Document)> CurrentAsync(int sopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.SopDefinitions.Where(s => s.SopId == sopId)
            .OrderByDescending(s => s.Version).Select(s => s.Id).FirstAsync(cancellationToken);
        return (id, await GetAsync(id, cancellationToken));
    }

    /// <summary>The newest version of the innovation SOP (the one whose record is the Laporan Inovasi Pelayanan).</summary>
    public async Task<(int Id, SopDocument Document)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sopId = await db.Sops.Where(s => s.RecordKind == SopRecordKind.InovasiPelayanan)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        return await CurrentAsync(sopId, cancellationToken);
    }

    /// <summary>Every SOP the office runs, in the order they were added, with the newest version's number.</summary>
    public async Task<IReadOnlyList<SopSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sops = await db.Sops.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Slug, s.Title, s.RecordKind,
                Nomor = s.Versions.OrderByDescending(v => v.Version).Select(v => v.Code).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. sops.Select(s => new SopSummary(s.Id, s.Slug, s.Title, s.Nomor ?? "", s.RecordKind))];
    }

    public async Task<SopSummary?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
