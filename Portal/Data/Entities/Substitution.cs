namespace Portal.Data.Entities;

public enum SubstitutionKind { Plt, Plh }

/// <summary>
/// An acting official (Plt./Plh.): inside the date range (office time, inclusive) the substitute acts in
/// the position, with its level and scope, and receives the principal's alerts. With no principal the
/// position is vacant: the Plt. acts for the position itself, and stops once someone holds it again.
/// </summary>
public sealed class Substitution
{
    public int Id { get; set; }
    public SubstitutionKind Kind { get; set; } = SubstitutionKind.Plh;
    public required string SubstituteId { get; set; }
    public PortalUser? Substitute { get; set; }
    public string? PrincipalId { get; set; }
    public PortalUser? Principal { get; set; }
    public int PositionId { get; set; }
    public Position? Position { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByName { get; set; }
}
