namespace Portal.Data.Entities;

public sealed class Bidang
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
}
