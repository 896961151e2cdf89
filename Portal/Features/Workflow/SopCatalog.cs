using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>SOP versions by id. Versions are immutable once stored, so each is read from the database once.</summary>
public sealed class SopCatalog(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<int, SopDocument> byId = new();

    public async Task<SopDocument> GetAsync(int sopDefinitionId, CancellationToken cancellationToken = default)
    {
        if (byId.TryGetValue(sopDefinitionId, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.SopDefinitions.AsNoTracking().Include(s => s.Steps)
            .SingleAsync(s => s.Id == sopDefinitionId, cancellationToken);
        return byId.GetOrAdd(sopDefinitionId, definition.ToDocument());
    }

    /// <summary>The newest version: new innovations are stamped with it.</summary>
    public async Task<(int Id, SopDocument Document)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.SopDefinitions.OrderByDescending(s => s.Version).Select(s => s.Id).FirstAsync(cancellationToken);
        return (id, await GetAsync(id, cancellationToken));
    }
}
