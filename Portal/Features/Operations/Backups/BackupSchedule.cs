using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Operations.Backups;

/// <summary>
/// Registers the nightly backup (cron from the settings, in the office's zone) and the hourly watch under fixed ids once
/// the app runs, and again when the office's zone changes.
/// </summary>
public sealed class BackupSchedule(IRecurringJobManager recurringJobs, IOptions<BackupOptions> options, OfficeProfileStore officeProfile,
    ILogger<BackupSchedule> logger) : IHostedService
{
    public const string BackupId = "portal-backup";
    public const string WatchId = "portal-backup-watch";
    public static readonly string DefaultCron = new BackupOptions().Cron;
    public const string WatchCron = "17 * * * *";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Register((await officeProfile.GetAsync(cancellationToken)).Zone);
        officeProfile.Changed += OnOfficeChanged;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        officeProfile.Changed -= OnOfficeChanged;
        return Task.CompletedTask;
    }

    private void OnOfficeChanged(OfficeSnapshot changed) => Register(changed.Zone);

    private void Register(OfficeZone zone)
    {
        var inOfficeZone = new RecurringJobOptions { TimeZone = zone.Zone };
        try
        {
            recurringJobs.AddOrUpdate<BackupJob>(BackupId, job => job.RunAsync(CancellationToken.None), options.Value.Cron, inOfficeZone);
        }
        catch (ArgumentException ex)
        {
            // A typo in the settings must not leave the portal without backups.
            logger.LogError(ex, "The backup cron \"{Cron}\" is invalid; backing up at the default \"{Default}\" instead", options.Value.Cron, DefaultCron);
            recurringJobs.AddOrUpdate<BackupJob>(BackupId, job => job.RunAsync(CancellationToken.None), DefaultCron, inOfficeZone);
        }
        recurringJobs.AddOrUpdate<BackupJob>(WatchId, job => job.WatchAsync(CancellationToken.None), WatchCron, inOfficeZone);
    }
}
