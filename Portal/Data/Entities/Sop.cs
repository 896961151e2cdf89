namespace Portal.Data.Entities;

/// <summary>Which record report an SOP's items get: the innovation SOP's own Laporan, or the generic one.</summary>
public enum SopRecordKind { InovasiPelayanan, PelaksanaanSop }

/// <summary>One SOP the office runs (e.g. "Inovasi Pelayanan"); its versions are <see cref="SopDefinition"/> rows.</summary>
public sealed class Sop
{
    public int Id { get; set; }

    /// <summary>Stable short name used in addresses (/papan/{slug}); never changes once items exist.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public SopRecordKind RecordKind { get; set; } = SopRecordKind.PelaksanaanSop;
    public DateTimeOffset CreatedAt { get; set; }
    public List<SopDefinition> Versions { get; set; } = [];
}
