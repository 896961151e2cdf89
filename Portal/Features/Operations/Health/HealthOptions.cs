namespace Portal.Features.Operations.Health;

/// <summary>The health checks behind /sehat (section "Health" in appsettings); documented in appsettings.sample.json.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Below this much free space on the data folder's disk the portal is unhealthy; below twice as much, a warning.</summary>
    public int MinimumFreeDiskMegabytes { get; set; } = 1024;

    /// <summary>The job server reports every 30 s; a last report older than this means it has stopped or hangs.</summary>
    public TimeSpan JobServerHeartbeatMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After a start the job server needs a moment to report; until then a missing report is only a warning.</summary>
    public TimeSpan StartupGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the database check waits for the write lock before it reports the database as not writable.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Answers of /sehat within this time reuse the last result, so a busy monitor cannot load the server.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
