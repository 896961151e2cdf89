namespace Portal.Data.Entities;

/// <summary>The settings an administrator edits in the portal (one row). Absent, the appsettings defaults apply.</summary>
public sealed class PortalSettings
{
    public int Id { get; set; }

    /// <summary>Office closing time in WITA: a step is due at this time of its last working day.</summary>
    public TimeOnly OfficeClosingTime { get; set; } = new(16, 0);

    /// <summary>"Segera jatuh tempo" when this many working days or fewer remain.</summary>
    public int DueSoonWorkingDays { get; set; } = 1;

    /// <summary>The Kepala Dinas is alerted when a step is late by this many working days.</summary>
    public int EscalationWorkingDays { get; set; } = 2;

    /// <summary>Cron of the overdue scan (Hangfire, evaluated in the office's zone).</summary>
    public string OverdueScanCron { get; set; } = "*/5 * * * *";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpUseTls { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public string SmtpSenderAddress { get; set; } = "portal-inovasi@localhost";
    public string SmtpSenderName { get; set; } = "Portal Inovasi Pelayanan";

    /// <summary>Largest upload per file, in megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 20;

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    public PortalSettings Copy() => (PortalSettings)MemberwiseClone();
}
