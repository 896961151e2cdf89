using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Admin.Audit;

/// <summary>The audit trail's filters: dates are the office's calendar days, inclusive.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? Action = null, string? Person = null, int? InnovationId = null);

public sealed class AuditQueries(IDbContextFactory<PortalDbContext> dbFactory, OfficeTime officeTime)
{
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = officeTime.StartOf(from);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = officeTime.StartOf(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            // lower() on both sides: SQLite's LIKE ignores case and PostgreSQL's does not; this reads the same on both.
            var term = filter.Person.Trim().ToLower();
            query = query.Where(a => a.ActorName.ToLower().Contains(term) || (a.OnBehalfOf != null && a.OnBehalfOf.ToLower().Contains(term)));
        }
        if (filter.InnovationId is { } innovationId) query = query.Where(a => a.InnovationId == innovationId);

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
