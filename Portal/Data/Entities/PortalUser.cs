using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Entities;

/// <summary>A person of the dinas. The user name is the NIP; people are deactivated, never deleted.</summary>
public sealed class PortalUser : IdentityUser
{
    public required string FullName { get; set; }
    public string? Jabatan { get; set; }
    public int? BidangId { get; set; }
    public Bidang? Bidang { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The position this person holds; what they may do in every SOP follows from it.</summary>
    public int? PositionId { get; set; }
    public Position? Position { get; set; }

    /// <summary>Set when an administrator hands out a one-time password; the person must choose their own before using the portal.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
