using Portal.Data;

namespace Portal.Features.Operations.Backups;

/// <summary>The backup settings (section "Backups" in appsettings); documented in appsettings.sample.json.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where backups go, relative to the content root unless absolute; may be a mounted network share.</summary>
    public string Folder { get; set; } = "cadangan";

    /// <summary>When the nightly backup runs, as a cron expression in office time (the profile's zone).</summary>
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>How many days keep their newest backup.</summary>
    public int DailyKept { get; set; } = 14;

    /// <summary>How many weeks (Monday to Sunday, office time) keep their newest backup after the daily ones.</summary>
    public int WeeklyKept { get; set; } = 8;

    /// <summary>How old the newest verified backup may be before administrators are alerted and the health check fails.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(26);

    public static string ResolveFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{Section}:{nameof(Folder)}"] ?? "cadangan";
        return Path.GetFullPath(configured, environment.ContentRootPath);
    }

    public static BackupPaths Paths(IConfiguration configuration, IHostEnvironment environment) =>
        new(DataRegistration.DataDirectory(configuration, environment), ResolveFolder(configuration, environment),
            DataRegistration.AttachmentsDirectory(configuration, environment));
}

/// <summary>The live data folder and the backup folder (one sub-folder per backup, attachments shared).</summary>
public sealed record BackupPaths(string DataDirectory, string BackupFolder, string? AttachmentsDirectory = null)
{
    public const string DatabaseFile = "portal.db";
    public const string ManifestFile = "manifest.json";
    public const string AttachmentsFolder = "lampiran";
    public const string KeysFolder = "keys";

    public string Database => Path.Combine(DataDirectory, DatabaseFile);
    public string LiveAttachments => AttachmentsDirectory ?? Path.Combine(DataDirectory, AttachmentsFolder);
    public string LiveKeys => Path.Combine(DataDirectory, KeysFolder);
    /// <summary>Attachments never change once stored, so every backup shares one copy of each.</summary>
    public string SharedAttachments => Path.Combine(BackupFolder, AttachmentsFolder);
}
