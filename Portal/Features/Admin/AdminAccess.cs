using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Features.Operations.Faults;

namespace Portal.Features.Admin;

/// <summary>What an administration command answers: done, or refused with the reason in Indonesian; nothing changed when refused.</summary>
public sealed record AdminResult(bool Succeeded, string Message, string? OneTimePassword = null)
{
    public static AdminResult Done(string message, string? oneTimePassword = null) => new(true, message, oneTimePassword);

    public static AdminResult Refused(string message) => new(false, message);

    public static readonly AdminResult NotAllowed = Refused("Anda tidak berwenang melakukan tindakan ini.");
}

/// <summary>
/// Every administration command asks the database who is acting: the role in a circuit's cookie may be
/// minutes old, and an event handler is a public endpoint.
/// </summary>
public static class AdminAccess
{
    public static readonly string[] Administrators = [PortalRoles.Administrator];

    /// <summary>Who may appoint acting officials (Plt./Plh.): administrators and the head of the office.</summary>
    public static bool ManagesActingOfficials(WorkflowActor actor) => actor.IsAdministrator || OfficeRules.IsHeadOfOffice(actor);

    /// <summary>The acting person, when they are active and hold one of the roles; otherwise null.</summary>
    public static async Task<PortalUser?> ActorAsync(PortalDbContext db, string? userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId)) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        if (user is null) return null;
        var holdsRole = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == userId && roles.Contains(role.Name!)
            select userRole).AnyAsync(cancellationToken);
        return holdsRole ? user : null;
    }

    /// <summary>
    /// Runs an administration command in one transaction: checks the actor's role, runs the command, and
    /// commits its changes and audit rows only when it succeeds; a refusal leaves the database as it was.
    /// </summary>
    public static Task<AdminResult> ExecuteAsync(this PortalDbContext db, string actorId, IReadOnlyCollection<string> roles,
        Func<PortalUser, Task<AdminResult>> command, CancellationToken cancellationToken = default) =>
        ExecuteAsync(db, () => ActorAsync(db, actorId, roles, cancellationToken), command, cancellationToken);

    /// <summary>As above, for a command allowed by the office's rules (the person's positions today) rather than a portal role.</summary>
    public static Task<AdminResult> ExecuteAsync(this PortalDbContext db, string actorId, Func<WorkflowActor, bool> allowed, DateOnly today,
        Func<PortalUser, Task<AdminResult>> command, CancellationToken cancellationToken = default) =>
        ExecuteAsync(db, async () =>
        {
            var actor = await ActorDirectory.ResolveAsync(db, actorId, today, cancellationToken);
            return actor is not null && allowed(actor)
                ? await db.Users.AsNoTracking().FirstAsync(u => u.Id == actorId, cancellationToken)
                : null;
        }, command, cancellationToken);

    private static async Task<AdminResult> ExecuteAsync(PortalDbContext db, Func<Task<PortalUser?>> resolveActor,
        Func<PortalUser, Task<AdminResult>> command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var actor = await resolveActor();
        if (actor is null) return AdminResult.NotAllowed;

        try
        {
            var result = await command(actor);
            if (!result.Succeeded) return result;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception exception) when (StorageFailures.Classify(exception) is { } problem)
        {
            // Rolled back; the storage alarm saw the failure through the database interceptor.
            return AdminResult.Refused(StorageFailures.MessageFor(problem));
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same NIP, name or version a moment earlier (a unique index refused this one).
            return AdminResult.Refused("Data ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi.");
        }
    }

    public static void Audit(this PortalDbContext db, PortalUser actor, string action, string? detail, DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, ActorId = actor.Id, ActorName = actor.FullName, Action = action, Detail = detail });
}
