using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Admin.Users;

public sealed record UserRow(
    string Id,
    string Nip,
    string FullName,
    string? Jabatan,
    int? BidangId,
    string? Bidang,
    string? Role,
    int? PositionId,
    string? PositionName,
    string? Email,
    bool IsActive,
    DateTimeOffset? LockedOutUntil,
    bool MustChangePassword,
    DateTimeOffset CreatedAt)
{
    /// <summary>The position held, and the portal role when there is one.</summary>
    public string RoleName => string.Join(" · ", new[] { PositionName, Role is null ? null : PortalRoles.DisplayName(Role) }.OfType<string>()) is { Length: > 0 } text ? text : "—";

    public UserForm ToForm() => new() { Nip = Nip, FullName = FullName, Jabatan = Jabatan, BidangId = BidangId, PositionId = PositionId, Role = Role ?? "", Email = Email };
}

public sealed class UserQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.Users.OrderBy(u => u.FullName)).ToListAsync(cancellationToken);
    }

    public async Task<UserRow?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.Users.Where(u => u.Id == userId)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest audit rows by or about this person (their sign-ins, and account changes naming their NIP).</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string userId, string nip, int count = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == userId || (a.Detail != null && a.Detail.Contains(nip)))
            .OrderByDescending(a => a.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public bool IsLockedOut(UserRow row) => row.LockedOutUntil is { } until && until > clock.GetUtcNow();

    private static IQueryable<UserRow> Rows(PortalDbContext db, IQueryable<PortalUser> users) =>
        from user in users
        select new UserRow(
            user.Id,
            user.UserName!,
            user.FullName,
            user.Jabatan,
            user.BidangId,
            user.Bidang!.ShortName,
            (from userRole in db.UserRoles
             join role in db.Roles on userRole.RoleId equals role.Id
             where userRole.UserId == user.Id
             select role.Name).FirstOrDefault(),
            user.PositionId,
            user.Position!.Name,
            user.Email,
            user.IsActive,
            user.LockoutEnd,
            user.MustChangePassword,
            user.CreatedAt);
}
