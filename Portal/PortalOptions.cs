namespace Portal;

/// <summary>The portal's own settings (section "Portal" in appsettings); documented in appsettings.sample.json.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder for the SQLite databases and uploads, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed demo people and innovations (Development only).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>The public address used in e-mail links and printed at start-up.</summary>
    public string? PublicBaseUrl { get; set; }
}
