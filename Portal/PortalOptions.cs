namespace Portal;

/// <summary>The portal's own settings (section "Portal" in appsettings); documented in appsettings.sample.json.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder for the SQLite databases and uploads, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where step outputs are stored; empty means "lampiran" in the data folder. Several instances on one PostgreSQL
    /// share one folder (e.g. an NFS or SMB mount), so a file uploaded through one is served by all.
    /// </summary>
    public string? AttachmentsDirectory { get; set; }

    /// <summary>Seed demo people and innovations (Development only).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>The public address used in e-mail links and printed at start-up.</summary>
    public string? PublicBaseUrl { get; set; }
}
