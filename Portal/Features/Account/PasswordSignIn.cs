using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Account;

public enum SignInOutcome { SignedIn, Refused, LockedOut }

/// <param name="LockedUntil">When a locked account opens again, as the office writes it (e.g. "25 Nov 2026 10.15 WITA").</param>
public sealed record SignInAnswer(SignInOutcome Outcome, string? LockedUntil = null)
{
    public const string Refusal = "NIP atau kata sandi salah.";

    /// <summary>What the sign-in page says; the same words for an unknown NIP, a wrong password and a deactivated account.</summary>
    public string? Message => Outcome switch
    {
        SignInOutcome.Refused => Refusal,
        SignInOutcome.LockedOut =>
            $"Akun terkunci karena 5 kali gagal masuk. Coba lagi setelah {LockedUntil ?? "beberapa saat lagi"}, atau minta Administrator membukanya.",
        _ => null,
    };
}

/// <summary>
/// Signs a person in with NIP and password so that the answer tells an outsider nothing: an unknown NIP costs one
/// password verification like a known one, and a deactivated account is refused like a wrong password whether the
/// password is right or not, every attempt counting towards its lockout.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> users,
    IPasswordHasher<PortalUser> hasher,
    UnknownAccountPassword unknownAccount,
    AccountAudit audit,
    OfficeTime officeTime)
{
    public async Task<SignInAnswer> SignInAsync(string nip, string password, bool rememberMe)
    {
        var normalizedNip = Nip.Normalize(nip);
        var user = await users.FindByNameAsync(normalizedNip);
        if (user is null)
        {
            hasher.VerifyHashedPassword(unknownAccount.User, unknownAccount.Hash, password);
            await audit.WriteAsync(null, $"NIP {normalizedNip}", AuditActions.SignInFailed, null);
            return new(SignInOutcome.Refused);
        }
        if (!user.IsActive) return await RefuseDeactivatedAsync(user, password);

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(user.Id, user.FullName, AuditActions.SignIn, null);
            return new(SignInOutcome.SignedIn);
        }
        if (result.IsLockedOut) return await LockedOutAsync(user, null);
        await audit.WriteAsync(user.Id, user.FullName, AuditActions.SignInFailed, null);
        return new(SignInOutcome.Refused);
    }

    private async Task<SignInAnswer> RefuseDeactivatedAsync(PortalUser user, string password)
    {
        const string detail = "Akun nonaktif";
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(user, detail);
        // Verified only so the attempt costs what any other costs; right or wrong, it is a failed attempt.
        await users.CheckPasswordAsync(user, password);
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(user, detail);
        await audit.WriteAsync(user.Id, user.FullName, AuditActions.SignInFailed, detail);
        return new(SignInOutcome.Refused);
    }

    private async Task<SignInAnswer> LockedOutAsync(PortalUser user, string? detail)
    {
        await audit.WriteAsync(user.Id, user.FullName, AuditActions.LockedOut, detail);
        return new(SignInOutcome.LockedOut, user.LockoutEnd is { } end ? officeTime.DateTime(end) : null);
    }
}

/// <summary>A hash of a random password, made once, that an unknown NIP's attempt is verified against.</summary>
public sealed class UnknownAccountPassword
{
    public UnknownAccountPassword(IOptions<PasswordHasherOptions> options)
    {
        Hash = new PasswordHasher<PortalUser>(options).HashPassword(User, Guid.NewGuid().ToString("N"));
    }

    public PortalUser User { get; } = new() { UserName = "0", FullName = "" };

    public string Hash { get; }
}
