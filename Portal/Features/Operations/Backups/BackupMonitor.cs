using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Operations.Backups;

/// <summary>A backup that could not be written or did not pass its checks, and why (in Indonesian).</summary>
public sealed record BackupFailure(DateTimeOffset At, string Message);

/// <param name="LastVerified">The newest backup that passed its checks.</param>
/// <param name="Overdue">No verified backup within the allowed age (counted from the database's creation when there is none yet).</param>
/// <param name="LastFailure">The last failed backup since the last good one (kept in memory only, not across restarts).</param>
public sealed record BackupState(
    IReadOnlyList<BackupManifest> Backups,
    BackupManifest? LastVerified,
    bool Overdue,
    bool FolderReadable,
    BackupFailure? LastFailure);

/// <summary>Answers "is there a recent verified backup" for the admin page, the health check and the hourly watch.</summary>
public sealed class BackupMonitor(PortalBackup backup, IDbContextFactory<PortalDbContext> dbFactory, IOptions<BackupOptions> options,
    TimeProvider clock, ILogger<BackupMonitor> logger)
{
    private volatile BackupFailure? lastFailure;

    public TimeSpan MaxAge => options.Value.MaxAge;

    public void RecordFailure(string message) => lastFailure = new BackupFailure(clock.GetUtcNow(), message);

    public void RecordSuccess() => lastFailure = null;

    public async Task<BackupState> ReadAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<BackupManifest> backups;
        var readable = true;
        try
        {
            backups = backup.List();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The backup folder could not be read");
            backups = [];
            readable = false;
        }
        var lastVerified = backups.FirstOrDefault(b => b.Verified);
        var since = lastVerified?.TakenAt ?? await DatabaseCreatedAsync(cancellationToken);
        var overdue = since is null || clock.GetUtcNow() - since.Value > MaxAge;
        return new BackupState(backups, lastVerified, overdue, readable, lastFailure);
    }

    /// <summary>When the portal's database was set up: a new installation is not overdue before its first night.</summary>
    private async Task<DateTimeOffset?> DatabaseCreatedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SopDefinitions.OrderBy(s => s.Id).Select(s => (DateTimeOffset?)s.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
