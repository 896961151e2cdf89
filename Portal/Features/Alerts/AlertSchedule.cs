using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Alerts;

/// <summary>
/// Registers the recurring alert jobs under fixed ids once the app runs, with cron times in WITA, and
/// re-registers the overdue scan when an administrator changes its cron in the settings. A host that runs the
/// jobs also queues the scan at once on start: after a restart or a power cut, late steps are alerted now, not at
/// the next cron tick (the scan notifies each person once, so an extra run repeats nothing).
/// </summary>
public sealed class AlertSchedule(IRecurringJobManager recurringJobs, SettingsStore settings, IOptions<AlertsOptions> options,
    ILogger<AlertSchedule> logger) : IHostedService
{
    public const string OverdueScanId = "overdue-scan";
    public const string DailyDigestId = "daily-digest";
    /// <summary>07:30 WITA, Monday to Friday; the job itself skips holidays.</summary>
    public const string DailyDigestCron = "30 7 * * 1-5";

    private static readonly RecurringJobOptions Wita = new() { TimeZone = WorkingCalendar.Wita };

    public string? OverdueScanCron { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        RegisterOverdueScan(current.OverdueScanCron);
        recurringJobs.AddOrUpdate<DailyDigestJob>(DailyDigestId, job => job.RunAsync(CancellationToken.None), DailyDigestCron, Wita);
        settings.Changed += OnSettingsChanged;
        if (options.Value.RunServer) CatchUp();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= OnSettingsChanged;
        return Task.CompletedTask;
    }

    /// <summary>Registers (or moves) the scan; an invalid cron is refused and the previous schedule stays.</summary>
    public bool RegisterOverdueScan(string cron)
    {
        try
        {
            recurringJobs.AddOrUpdate<OverdueScanJob>(OverdueScanId, job => job.RunAsync(CancellationToken.None), cron, Wita);
            OverdueScanCron = cron;
            return true;
        }
        catch (ArgumentException ex)
        {
            logger.LogError(ex, "The overdue scan cron \"{Cron}\" is invalid; keeping \"{Previous}\"", cron, OverdueScanCron);
            return false;
        }
    }

    private void CatchUp()
    {
        try
        {
            recurringJobs.Trigger(OverdueScanId);
            logger.LogInformation("Overdue scan queued at start to catch up on steps that became late while the portal was down");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not queue the overdue scan at start; it runs at its next scheduled time");
        }
    }

    private void OnSettingsChanged(PortalSettings changed)
    {
        if (changed.OverdueScanCron != OverdueScanCron) RegisterOverdueScan(changed.OverdueScanCron);
    }
}
