using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Alerts;

/// <summary>
/// Registers the recurring alert jobs under fixed ids once the app runs, with cron times in the office's zone, and
/// re-registers them when an administrator changes the scan's cron in the settings or the office's zone. A host that runs the
/// jobs also queues the scan at once on start: after a restart or a power cut, late steps are alerted now, not at
/// the next cron tick (the scan notifies each person once, so an extra run repeats nothing). With several instances on one
/// PostgreSQL only the first job server up does so: while another one runs, the scans have not stopped.
/// </summary>
public sealed class AlertSchedule(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs, SettingsStore settings,
    OfficeProfileStore officeProfile, PortalDatabase database, IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<AlertsOptions> options, ILogger<AlertSchedule> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The instances that run background jobs (<see cref="PortalDatabase.JoinAsync"/>).</summary>
    public const string JobServers = "job-servers";

    public const string OverdueScanId = "overdue-scan";
    public const string DailyDigestId = "daily-digest";
    /// <summary>07:30 office time, Monday to Friday; the job itself skips holidays.</summary>
    public const string DailyDigestCron = "30 7 * * 1-5";

    private RecurringJobOptions inOfficeZone = new() { TimeZone = OfficeZone.Wita.Zone };
    private InstanceMembership? jobServers;

    public string? OverdueScanCron { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        inOfficeZone = new() { TimeZone = (await officeProfile.GetAsync(cancellationToken)).Zone.Zone };
        var current = await settings.GetAsync(cancellationToken);
        RegisterOverdueScan(current.OverdueScanCron);
        RegisterDailyDigest();
        settings.Changed += OnSettingsChanged;
        officeProfile.Changed += OnOfficeChanged;
        if (!options.Value.RunServer) return;
        jobServers = await database.JoinAsync(dbFactory, JobServers, cancellationToken);
        if (jobServers.First) CatchUp();
        else logger.LogInformation("Another instance runs the background jobs already; no catch-up scan at start");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= OnSettingsChanged;
        officeProfile.Changed -= OnOfficeChanged;
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref jobServers, null) is { } membership) await membership.DisposeAsync();
    }

    /// <summary>Registers (or moves) the scan; an invalid cron is refused and the previous schedule stays.</summary>
    public bool RegisterOverdueScan(string cron)
    {
        try
        {
            recurringJobs.AddOrUpdate<OverdueScanJob>(OverdueScanId, job => job.RunScheduledAsync(null, CancellationToken.None), cron, inOfficeZone);
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
        recurringJobs.AddOrUpdate<DailyDigestJob>(DailyDigestId, job => job.RunScheduledAsync(null, CancellationToken.None), DailyDigestCron, inOfficeZone);

    private void CatchUp()
    {
        try
        {
            // A scan of its own rather than a trigger of the schedule: it runs even when a scan ran at this very moment.
            jobs.Enqueue<OverdueScanJob>(job => job.RunAsync(CancellationToken.None));
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
