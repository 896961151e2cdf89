using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Sop;

public sealed record SopVersionInfo(int Id, int Version, DateTimeOffset CreatedAt, string? CreatedByName, string? ChangeNote);

/// <summary>Every stored version of an SOP, newest first, and what each changed against the one before.</summary>
public sealed class SopVersions(IDbContextFactory<PortalDbContext> dbFactory, SopCatalog catalog)
{
    public async Task<IReadOnlyList<SopVersionInfo>> ListAsync(int sopId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SopDefinitions.AsNoTracking()
            .Where(s => s.SopId == sopId)
            .OrderByDescending(s => s.Version)
            .Select(s => new SopVersionInfo(s.Id, s.Version, s.CreatedAt, s.CreatedByName, s.ChangeNote))
            .ToListAsync(cancellationToken);
    }

    public Task<SopDocument> DocumentAsync(int definitionId, CancellationToken cancellationToken = default) =>
        catalog.GetAsync(definitionId, cancellationToken);

    /// <summary>The changes of each version against the version before it (none for the first).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<SopStepChange>>> ChangesAsync(IReadOnlyList<SopVersionInfo> versions, CancellationToken cancellationToken = default)
    {
        var ordered = versions.OrderBy(v => v.Version).ToList();
        var changes = new Dictionary<int, IReadOnlyList<SopStepChange>>();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = await catalog.GetAsync(ordered[i - 1].Id, cancellationToken);
            var current = await catalog.GetAsync(ordered[i].Id, cancellationToken);
            changes[ordered[i].Version] = SopChanges.Compare(previous, current);
        }
        return changes;
    }
}
