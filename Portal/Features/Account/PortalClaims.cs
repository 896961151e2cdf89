using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;

namespace Portal.Features.Account;

public static class PortalClaims
{
    public const string FullName = "portal:full_name";
    public const string BidangId = "portal:bidang_id";
    public const string Jabatan = "portal:jabatan";
    public const string MustChangePassword = "portal:must_change_password";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");
}

/// <summary>Adds the name, bidang and "must change password" to the sign-in cookie so pages and middleware need no query.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (!string.IsNullOrWhiteSpace(user.Jabatan)) identity.AddClaim(new Claim(PortalClaims.Jabatan, user.Jabatan));
        if (user.BidangId is { } bidangId) identity.AddClaim(new Claim(PortalClaims.BidangId, bidangId.ToString()));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        return identity;
    }
}
