namespace Portal.Data.Entities;

/// <summary>
/// The office itself (one row): its names and contacts for the kop surat, its logo, its time zone and
/// its working hours. Seeded from the "Office" settings section; edited on the office profile page.
/// </summary>
public sealed class OfficeProfile
{
    public int Id { get; set; }
    public required string PemerintahDaerah { get; set; }
    public required string NamaInstansi { get; set; }
    public string? Alamat { get; set; }
    public string? Telepon { get; set; }
    public string? Email { get; set; }
    public string? Situs { get; set; }

    /// <summary>The logo's bytes (PNG or SVG, checked by content on upload); null means the portal's own logo.</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    /// <summary>IANA id of one of WIB, WITA, WIT (see <see cref="Domain.OfficeZone"/>).</summary>
    public string TimeZoneId { get; set; } = "Asia/Makassar";

    /// <summary>The working week as JSON: a list of { day, opens, closes } (see <see cref="Domain.OfficeHours"/>).</summary>
    public required string HoursJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
}
