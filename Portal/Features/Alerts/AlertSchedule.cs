using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Alerts;

/// <summary>
/// Registers the recurring alert jobs under fixed ids once the app runs, with cron times in the office's zone, and
/// re-registers them when an administrator changes the scan's cron in the settings or the office's zone. A host that runs the
/// jobs also queues the scan at once on start: after a restart or a power cut, late steps are alerted now, not at
/// the next cron tick (the scan notifies each person once, so an extra run repeats nothing).
/// </summary>
public sealed class AlertSchedule(IRecurringJobManager recurringJobs, SettingsStore settings, OfficeProfileStore officeProfile,
    IOptions<AlertsOptions> options, ILogger<AlertSchedule> logger) : IHostedService
{
    public const string OverdueScanId = "overdue-scan";
    public const string DailyDigestId = "daily-digest";
    /// <summary>07:30 office time, Monday to Friday; the job itself skips holidays.</summary>
    public const string DailyDigestCron = "30 7 * * 1-5";

    private RecurringJobOptions inOfficeZone = new() { TimeZone = OfficeZone.Wita.Zone };

    public string? OverdueScanCron { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        inOfficeZone = new() { TimeZone = (await officeProfile.GetAsync(cancellationToken)).Zone.Zone };
        var current = await settings.GetAsync(cancellationToken);
        RegisterOverdueScan(current.OverdueScanCron);
        RegisterDailyDigest();
        settings.Changed += OnSettingsChanged;
        officeProfile.Changed += OnOfficeChanged;
        if (options.Value.RunServer) CatchUp();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= OnSettingsChanged;
        officeProfile.Changed -= OnOfficeChanged;
        return Task.CompletedTask;
    }

    /// <summary>Registers (or moves) the scan; an invalid cron is refused and the previous schedule stays.</summary>
    public bool RegisterOverdueScan(string cron)
    {
        try
        {
            recurringJobs.AddOrUpdate<OverdueScanJob>(OverdueScanId, job => job.RunAsync(CancellationToken.None), cron, inOfficeZone);
            OverdueScanCron = cron;
            return true;
        }
        catch (ArgumentException ex)
        {
            logger.LogError(ex, "The overdue scan cron \"{Cron}\" is invalid; keeping \"{Previous}\"", cron, OverdueScanCron);
            return false;
        }
    }

    private void RegisterDailyDigest() =>
        recurringJobs.AddOrUpdate<DailyDigestJob>(DailyDigestId, job => job.RunAsync(CancellationToken.None), DailyDigestCron, inOfficeZone);

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

    private void OnOfficeChanged(OfficeSnapshot changed)
    {
        if (changed.Zone.Zone.Id == inOfficeZone.TimeZone.Id) return;
        inOfficeZone = new() { TimeZone = changed.Zone.Zone };
        if (OverdueScanCron is { } cron) RegisterOverdueScan(cron);
        RegisterDailyDigest();
    }
}
