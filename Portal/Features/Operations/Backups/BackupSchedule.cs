using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Domain;

namespace Portal.Features.Operations.Backups;

/// <summary>Registers the nightly backup (cron from the settings, WITA) and the hourly watch under fixed ids once the app runs.</summary>
public sealed class BackupSchedule(IRecurringJobManager recurringJobs, IOptions<BackupOptions> options, ILogger<BackupSchedule> logger) : IHostedService
{
    public const string BackupId = "portal-backup";
    public const string WatchId = "portal-backup-watch";
    public static readonly string DefaultCron = new BackupOptions().Cron;
    public const string WatchCron = "17 * * * *";

    private static readonly RecurringJobOptions Wita = new() { TimeZone = WorkingCalendar.Wita };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            recurringJobs.AddOrUpdate<BackupJob>(BackupId, job => job.RunAsync(CancellationToken.None), options.Value.Cron, Wita);
        }
        catch (ArgumentException ex)
        {
            // A typo in the settings must not leave the portal without backups.
            logger.LogError(ex, "The backup cron \"{Cron}\" is invalid; backing up at the default \"{Default}\" instead", options.Value.Cron, DefaultCron);
            recurringJobs.AddOrUpdate<BackupJob>(BackupId, job => job.RunAsync(CancellationToken.None), DefaultCron, Wita);
        }
        recurringJobs.AddOrUpdate<BackupJob>(WatchId, job => job.WatchAsync(CancellationToken.None), WatchCron, Wita);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
