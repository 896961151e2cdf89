using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Admin.Positions;

/// <summary>A position as pages list it: its name, level and scope, and who holds it.</summary>
public sealed record PositionRow(int Id, string Name, PositionLevel Level, int? BidangId, string? BidangShortName, IReadOnlyList<string> Holders)
{
    public string Label => $"{Name}{(BidangShortName is null ? " (seluruh kantor)" : $" ({BidangShortName})")}";
}

public sealed class PositionDirectory(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PositionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await db.Positions.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Level, p.BidangId, Bidang = p.Bidang == null ? null : p.Bidang.ShortName })
            .ToListAsync(cancellationToken);
        var holders = (await db.Users.AsNoTracking().Where(u => u.PositionId != null && u.IsActive)
                .Select(u => new { u.PositionId, u.FullName }).ToListAsync(cancellationToken))
            .ToLookup(u => u.PositionId!.Value, u => u.FullName);
        return [.. positions
            .OrderByDescending(p => p.Level).ThenBy(p => p.Bidang).ThenBy(p => p.Name)
            .Select(p => new PositionRow(p.Id, p.Name, p.Level, p.BidangId, p.Bidang, [.. holders[p.Id]]))];
    }
}
