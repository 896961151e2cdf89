using Portal.Domain;

namespace Portal.Data.Entities;

public sealed class Holiday
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    public HolidayKind Kind { get; set; }
}
