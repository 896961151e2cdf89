using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>
/// A position (jabatan) of the office: its level and scope (one bidang, or the whole office when
/// <see cref="BidangId"/> is null). People hold positions; Plt./Plh. stand in for them.
/// </summary>
public sealed class Position
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PositionLevel Level { get; set; }
    public int? BidangId { get; set; }
    public Bidang? Bidang { get; set; }

    public OfficePosition ToRule() => new(Id, Name, Level, BidangId);
}
