using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// Builds the workflow actor from what the database says about a signed-in person, never from the
/// client: their own SOP roles, plus the roles they hold today as Plt./Plh. for someone else.
/// </summary>
public static class ActorDirectory
{
    public static async Task<WorkflowActor?> ResolveAsync(PortalDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsActive) return null;

        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == userId
            select role.Name).ToListAsync(cancellationToken);

        var capacities = roles
            .Select(r => r is null ? null : PortalRoles.AsSopRole(r))
            .OfType<SopRole>()
            .Select(r => new ActorCapacity(r, user.BidangId))
            .ToList();

        var today = DateOnly.FromDateTime(WorkingCalendar.ToWita(now).DateTime);
        var acting = await db.Substitutions.AsNoTracking()
            .Where(s => s.SubstituteId == userId && s.RevokedAt == null && s.StartDate <= today && today <= s.EndDate)
            .Select(s => new { s.Kind, s.Role, s.BidangId, PrincipalName = s.Principal!.FullName })
            .ToListAsync(cancellationToken);
        capacities.AddRange(acting.Select(s => new ActorCapacity(s.Role, s.BidangId, s.PrincipalName, s.Kind + ".")));

        return new WorkflowActor(user.Id, user.FullName, capacities, roles.Contains(PortalRoles.Administrator));
    }
}
