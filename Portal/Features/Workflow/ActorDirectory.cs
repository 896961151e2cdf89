using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// Builds the workflow actor from what the database says about a signed-in person, never from the
/// client: the position they hold, plus the positions they stand in for today as Plt./Plh.
/// </summary>
public static class ActorDirectory
{
    /// <param name="today">The office's date now (<c>OfficeTime.Today</c>): the day whose Plt./Plh. appointments count.</param>
    public static async Task<WorkflowActor?> ResolveAsync(PortalDbContext db, string userId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Position).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsActive) return null;

        var isAdministrator = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == userId && role.Name == PortalRoles.Administrator
            select userRole).AnyAsync(cancellationToken);

        var capacities = new List<ActorCapacity>();
        if (user.Position is { } own) capacities.Add(new ActorCapacity(own.Level, own.BidangId, PositionName: own.Name));

        var acting = await InForce(db, today)
            .Where(s => s.SubstituteId == userId)
            .Select(s => new { s.Kind, s.Position!.Level, s.Position.BidangId, s.Position.Name, PrincipalName = s.Principal == null ? null : s.Principal.FullName })
            .ToListAsync(cancellationToken);
        capacities.AddRange(acting.Select(s => new ActorCapacity(s.Level, s.BidangId, s.PrincipalName, s.Kind + ".", s.Name)));

        return new WorkflowActor(user.Id, user.FullName, capacities, isAdministrator);
    }

    /// <summary>
    /// The Plt./Plh. appointments in force on the office's date: not revoked, inside their dates, and, for a vacant
    /// position (no principal), only while nobody active holds that position. Alerts and the admin page ask the same.
    /// </summary>
    public static IQueryable<Substitution> InForce(PortalDbContext db, DateOnly today) =>
        db.Substitutions.AsNoTracking()
            .Where(s => s.RevokedAt == null && s.StartDate <= today && today <= s.EndDate)
            .Where(s => s.PrincipalId != null || !db.Users.Any(u => u.PositionId == s.PositionId && u.IsActive));
}
