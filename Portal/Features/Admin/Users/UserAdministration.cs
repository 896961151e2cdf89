using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Account;

namespace Portal.Features.Admin.Users;

/// <summary>
/// The administrator's commands on people: create, edit, deactivate/reactivate (never delete),
/// reset the password and unlock. Each runs in its own scope and transaction and writes the audit row.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopeFactory, IValidator<UserForm> validator, TimeProvider clock)
{
    public async Task<AdminResult> CreateAsync(UserForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);

        return await InTransactionAsync(actorId, async (work, actor) =>
        {
            var nip = Nip.Normalize(form.Nip);
            if (await work.Users.FindByNameAsync(nip) is not null) return AdminResult.Refused($"NIP {nip} sudah terdaftar.");
            if (await UnknownBidangAsync(work.Db, form.BidangId, cancellationToken) is { } unknown) return unknown;
            if (await PositionProblemAsync(work.Db, form, exceptUserId: null, cancellationToken) is { } conflict) return conflict;

            var user = new PortalUser
            {
                UserName = nip,
                FullName = form.FullName.Trim(),
                Jabatan = Blank(form.Jabatan),
                BidangId = form.BidangId,
                PositionId = form.PositionId,
                Email = Blank(form.Email),
                MustChangePassword = true,
                CreatedAt = clock.GetUtcNow(),
            };
            var password = OneTimePassword.New();
            if (Failure(await work.Users.CreateAsync(user, password)) is { } refused) return refused;
            if (form.Role != "" && Failure(await work.Users.AddToRoleAsync(user, form.Role)) is { } roleRefused) return roleRefused;

            work.Db.Audit(actor, AuditActions.UserCreated,
                $"{user.FullName} (NIP {nip}): {await PositionTextAsync(work.Db, form, cancellationToken)}{await BidangTextAsync(work.Db, form.BidangId, cancellationToken)}",
                clock.GetUtcNow());
            return AdminResult.Done($"Akun {user.FullName} dibuat.", password);
        }, cancellationToken);
    }

    public async Task<AdminResult> UpdateAsync(string userId, UserForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);

        return await InTransactionAsync(actorId, async (work, actor) =>
        {
            var user = await work.Users.FindByIdAsync(userId);
            if (user is null) return NotFound;
            var oldRole = (await work.Users.GetRolesAsync(user)).FirstOrDefault();
            var roleChanged = (oldRole ?? "") != form.Role || user.PositionId != form.PositionId;
            var oldPosition = await PositionTextAsync(work.Db, new UserForm { PositionId = user.PositionId, Role = oldRole ?? "" }, cancellationToken);
            if (roleChanged && user.Id == actor.Id)
                return AdminResult.Refused("Anda tidak dapat mengubah peran akun Anda sendiri; minta Administrator lain.");
            if (await UnknownBidangAsync(work.Db, form.BidangId, cancellationToken) is { } unknown) return unknown;
            if (user.IsActive && await PositionProblemAsync(work.Db, form, user.Id, cancellationToken) is { } conflict) return conflict;

            var changes = new List<string>();
            if (user.FullName != form.FullName.Trim()) changes.Add($"nama: {user.FullName} → {form.FullName.Trim()}");
            if (user.Jabatan != Blank(form.Jabatan)) changes.Add($"jabatan: {user.Jabatan ?? "—"} → {Blank(form.Jabatan) ?? "—"}");
            if (user.Email != Blank(form.Email)) changes.Add($"e-mail: {user.Email ?? "—"} → {Blank(form.Email) ?? "—"}");
            var bidangChanged = user.BidangId != form.BidangId;
            if (bidangChanged)
                changes.Add($"bidang: {await BidangNameAsync(work.Db, user.BidangId, cancellationToken)} → {await BidangNameAsync(work.Db, form.BidangId, cancellationToken)}");
            if (!roleChanged && changes.Count == 0) return AdminResult.Refused("Tidak ada perubahan untuk disimpan.");

            user.FullName = form.FullName.Trim();
            user.Jabatan = Blank(form.Jabatan);
            user.Email = Blank(form.Email);
            user.BidangId = form.BidangId;
            user.PositionId = form.PositionId;
            if (Failure(await work.Users.UpdateAsync(user)) is { } refused) return refused;
            if ((oldRole ?? "") != form.Role)
            {
                if (oldRole is not null && Failure(await work.Users.RemoveFromRoleAsync(user, oldRole)) is { } removeRefused) return removeRefused;
                if (form.Role != "" && Failure(await work.Users.AddToRoleAsync(user, form.Role)) is { } addRefused) return addRefused;
            }
            // Open sessions carry the old role and bidang; a new stamp ends them.
            if (roleChanged || bidangChanged) await work.Users.UpdateSecurityStampAsync(user);

            var now = clock.GetUtcNow();
            var who = $"{user.FullName} (NIP {user.UserName})";
            if (roleChanged)
                work.Db.Audit(actor, AuditActions.RoleChanged, $"{who}: {oldPosition} → {await PositionTextAsync(work.Db, form, cancellationToken)}", now);
            if (changes.Count > 0) work.Db.Audit(actor, AuditActions.UserChanged, $"{who}: {string.Join("; ", changes)}", now);
            return AdminResult.Done($"Perubahan akun {user.FullName} disimpan.");
        }, cancellationToken);
    }

    public Task<AdminResult> SetActiveAsync(string userId, bool active, string actorId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actorId, async (work, actor) =>
        {
            var user = await work.Users.FindByIdAsync(userId);
            if (user is null) return NotFound;
            if (user.IsActive == active)
                return AdminResult.Refused(active ? "Akun ini sudah aktif." : "Akun ini sudah nonaktif.");
            if (!active && user.Id == actor.Id) return AdminResult.Refused("Anda tidak dapat menonaktifkan akun Anda sendiri.");
            if (active)
            {
                var form = new UserForm { BidangId = user.BidangId, PositionId = user.PositionId, Role = (await work.Users.GetRolesAsync(user)).FirstOrDefault() ?? "" };
                if (await PositionProblemAsync(work.Db, form, user.Id, cancellationToken) is { } conflict) return conflict;
            }

            user.IsActive = active;
            if (Failure(await work.Users.UpdateAsync(user)) is { } refused) return refused;
            if (!active) await work.Users.UpdateSecurityStampAsync(user);
            work.Db.Audit(actor, active ? AuditActions.UserReactivated : AuditActions.UserDeactivated,
                $"{user.FullName} (NIP {user.UserName})", clock.GetUtcNow());
            return AdminResult.Done(active
                ? $"Akun {user.FullName} aktif kembali."
                : $"Akun {user.FullName} dinonaktifkan; sesi yang terbuka telah diakhiri.");
        }, cancellationToken);

    public Task<AdminResult> ResetPasswordAsync(string userId, string actorId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actorId, async (work, actor) =>
        {
            var user = await work.Users.FindByIdAsync(userId);
            if (user is null) return NotFound;
            if (!user.IsActive) return AdminResult.Refused("Akun ini nonaktif; aktifkan kembali sebelum mengatur ulang kata sandinya.");

            var password = OneTimePassword.New();
            var token = await work.Users.GeneratePasswordResetTokenAsync(user);
            if (Failure(await work.Users.ResetPasswordAsync(user, token, password)) is { } refused) return refused;
            user.MustChangePassword = true;
            if (Failure(await work.Users.UpdateAsync(user)) is { } updateRefused) return updateRefused;
            await work.Users.SetLockoutEndDateAsync(user, null);
            await work.Users.ResetAccessFailedCountAsync(user);
            work.Db.Audit(actor, AuditActions.PasswordReset, $"{user.FullName} (NIP {user.UserName})", clock.GetUtcNow());
            return AdminResult.Done($"Kata sandi {user.FullName} diatur ulang; kuncinya (bila ada) dibuka.", password);
        }, cancellationToken);

    public Task<AdminResult> UnlockAsync(string userId, string actorId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actorId, async (work, actor) =>
        {
            var user = await work.Users.FindByIdAsync(userId);
            if (user is null) return NotFound;
            if (user.LockoutEnd is not { } end || end <= clock.GetUtcNow()) return AdminResult.Refused("Akun ini tidak sedang terkunci.");

            await work.Users.SetLockoutEndDateAsync(user, null);
            await work.Users.ResetAccessFailedCountAsync(user);
            work.Db.Audit(actor, AuditActions.UserUnlocked, $"{user.FullName} (NIP {user.UserName})", clock.GetUtcNow());
            return AdminResult.Done($"Kunci akun {user.FullName} dibuka; ia dapat masuk lagi.");
        }, cancellationToken);

    private static readonly AdminResult NotFound = AdminResult.Refused("Pengguna tidak ditemukan.");

    private sealed record Work(PortalDbContext Db, UserManager<PortalUser> Users);

    /// <summary>Runs a command with Identity and the audit row in one transaction; a refusal rolls everything back.</summary>
    private async Task<AdminResult> InTransactionAsync(string actorId, Func<Work, PortalUser, Task<AdminResult>> command, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var work = new Work(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
        return await db.ExecuteAsync(actorId, AdminAccess.Administrators, actor => command(work, actor), cancellationToken);
    }

    /// <summary>
    /// A position must exist and, when it belongs to a bidang, match the person's bidang; a leading position
    /// (above the lowest level) has one active holder: refuse a second one.
    /// </summary>
    private static async Task<AdminResult?> PositionProblemAsync(PortalDbContext db, UserForm form, string? exceptUserId, CancellationToken cancellationToken)
    {
        if (form.PositionId is not { } positionId) return null;
        var position = await db.Positions.AsNoTracking().Include(p => p.Bidang).FirstOrDefaultAsync(p => p.Id == positionId, cancellationToken);
        if (position is null) return AdminResult.Refused("Jabatan tidak dikenal.");
        if (position.BidangId is { } bidangId && form.BidangId != bidangId)
            return AdminResult.Refused($"Jabatan {position.Name} berada di {position.Bidang!.Name}; pilih bidang yang sama untuk orang ini.");
        if (position.Level == Domain.PositionLevel.Staf) return null;
        var holder = await db.Users.Where(u => u.PositionId == positionId && u.IsActive && u.Id != exceptUserId)
            .Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : AdminResult.Refused(
            $"Jabatan {position.Name} sudah dipegang oleh {holder}. Satu jabatan pimpinan hanya dipegang satu orang: "
            + "ubah atau nonaktifkan akun tersebut dahulu, atau tetapkan Plt./Plh. bila hanya sementara.");
    }

    private static async Task<string> PositionTextAsync(PortalDbContext db, UserForm form, CancellationToken cancellationToken)
    {
        var position = form.PositionId is { } id ? await db.Positions.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var parts = new[] { position, form.Role == "" ? null : PortalRoles.DisplayName(form.Role) }.OfType<string>().ToList();
        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }

    private static async Task<AdminResult?> UnknownBidangAsync(PortalDbContext db, int? bidangId, CancellationToken cancellationToken) =>
        bidangId is { } id && !await db.Bidang.AnyAsync(b => b.Id == id, cancellationToken) ? AdminResult.Refused("Bidang tidak dikenal.") : null;

    private static async Task<string> BidangNameAsync(PortalDbContext db, int? bidangId, CancellationToken cancellationToken) =>
        bidangId is { } id
            ? await db.Bidang.Where(b => b.Id == id).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken) ?? "—"
            : "—";

    private static async Task<string> BidangTextAsync(PortalDbContext db, int? bidangId, CancellationToken cancellationToken) =>
        bidangId is null ? "" : $", {await BidangNameAsync(db, bidangId, cancellationToken)}";

    private static AdminResult? Failure(IdentityResult result) =>
        result.Succeeded ? null : AdminResult.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
