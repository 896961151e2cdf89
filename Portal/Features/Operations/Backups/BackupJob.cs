using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Features.Alerts;

namespace Portal.Features.Operations.Backups;

/// <summary>What a person is told after a backup: its manifest when one was written, and a sentence in Indonesian.</summary>
public sealed record BackupOutcome(BackupManifest? Manifest, string Message)
{
    public bool Succeeded => Manifest?.Verified == true;
}

/// <summary>
/// The nightly backup and the hourly watch (Hangfire jobs; ordinary services, so tests call them directly): takes
/// and checks a backup, applies retention, and alerts the administrators when a backup fails or none is recent.
/// </summary>
public sealed class BackupJob(PortalBackup backup, BackupMonitor monitor, SystemAlerts alerts, IOptions<BackupOptions> options, ILogger<BackupJob> logger)
{
    /// <summary>Where an administrator sees the backups and can take one.</summary>
    public const string PageLink = "/admin/cadangan";

    /// <summary>No automatic retry: a failure alerts at once, and the next night (or "Cadangkan sekarang") tries again.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => TakeAsync(BackupReason.Scheduled, cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var state = await monitor.ReadAsync(cancellationToken);
        if (!state.Overdue)
        {
            await alerts.ResolveAsync(BackupTexts.MissingAlertKey, cancellationToken);
            return;
        }
        logger.LogWarning("No verified backup younger than {MaxAge}", monitor.MaxAge);
        await alerts.RaiseAsync(BackupTexts.MissingAlertKey, BackupTexts.MissingTitle, BackupTexts.MissingMessage(monitor.MaxAge), cancellationToken, PageLink);
    }

    public async Task<BackupOutcome> TakeAsync(BackupReason reason, CancellationToken cancellationToken = default)
    {
        BackupManifest manifest;
        try
        {
            manifest = await backup.TakeAsync(reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The {Reason} backup failed", reason);
            var message = BackupTexts.FailureMessage(ex);
            monitor.RecordFailure(message);
            await alerts.RaiseAsync(BackupTexts.FailedAlertKey, BackupTexts.FailedTitle, message, cancellationToken, PageLink);
            return new BackupOutcome(null, message);
        }

        if (!manifest.Verified)
        {
            var message = BackupTexts.VerificationFailedMessage(manifest.Problem);
            monitor.RecordFailure(message);
            await alerts.RaiseAsync(BackupTexts.FailedAlertKey, BackupTexts.FailedTitle, message, cancellationToken, PageLink);
            return new BackupOutcome(manifest, message);
        }

        monitor.RecordSuccess();
        await alerts.ResolveAsync(BackupTexts.FailedAlertKey, cancellationToken);
        await alerts.ResolveAsync(BackupTexts.MissingAlertKey, cancellationToken);
        try
        {
            await backup.PruneAsync(options.Value.DailyKept, options.Value.WeeklyKept, manifest.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The new backup is good; old ones left behind only cost space and go at the next run.
            logger.LogWarning(ex, "Retention could not remove old backups");
        }
        return new BackupOutcome(manifest, $"Cadangan {manifest.Id} dibuat dan lolos pemeriksaan.");
    }
}
