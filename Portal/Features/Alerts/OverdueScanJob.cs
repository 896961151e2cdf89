using System.Diagnostics;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

/// <summary>What one job run did, as stored in its <see cref="ScanRecord"/>.</summary>
/// <param name="Covered">The run did nothing and stored no record: a run begun after it was asked for had done the work.</param>
public sealed record ScanOutcome(int RunsExamined, int AlertsCreated, int Failures, TimeSpan Duration, bool Covered = false)
{
    public static readonly ScanOutcome CoveredByAnotherRun = new(0, 0, 0, TimeSpan.Zero, Covered: true);
}

/// <summary>
/// Looks at every open step run with a due date and notifies the people concerned once per level:
/// soon due → the doers; late → the doers and their supervisor; late by the escalation threshold →
/// the Kepala Dinas. The unique (step run, level, recipient) key and INSERT … ON CONFLICT DO NOTHING
/// make a repeated, concurrent or catching-up run create each notification exactly once. One scan runs at a time across
/// all instances of the portal, and a scheduled scan asked for before another one started is not run again.
/// </summary>
public sealed class OverdueScanJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    SettingsStore settingsStore,
    CalendarProvider calendars,
    SopCatalog sops,
    NotificationEvents notificationEvents,
    AlertMailQueue mailQueue,
    OfficeProfileStore officeProfile,
    PortalDatabase database,
    TimeProvider clock,
    ILogger<OverdueScanJob> logger)
{
    private sealed record OpenRun(long Id, int InnovationId, int StepNumber, DateTimeOffset DueAt, string Title, int BidangId, string ProposerId, int SopDefinitionId);

    /// <summary>
    /// The scan as the schedule (or a trigger) asks for it. Several instances may ask at the same moment; the first to run
    /// scans, and a request made before a scan that has since finished without failures is done already.
    /// </summary>
    [JobDisplayName(AlertTexts.ScanJobName)]
    [AutomaticRetry(Attempts = 0)]
    [StampRequestTime]
    public async Task<ScanOutcome> RunScheduledAsync(PerformContext? job, CancellationToken cancellationToken)
    {
        await using var turn = await database.JobLockAsync(dbFactory, AlertSchedule.OverdueScanId, cancellationToken);
        if (await ScanRecords.CoveredAsync(dbFactory, AlertSchedule.OverdueScanId, JobRequests.RequestedAt(job), cancellationToken))
        {
            logger.LogInformation("Overdue scan asked for at {RequestedAt} not run: a scan started since has done it", JobRequests.RequestedAt(job));
            return ScanOutcome.CoveredByAnotherRun;
        }
        return await ScanAsync(cancellationToken);
    }

    /// <summary>A scan now, whatever ran before (the catch-up at start); it waits for a scan under way on any instance.</summary>
    [JobDisplayName(AlertTexts.ScanJobName)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<ScanOutcome> RunAsync(CancellationToken cancellationToken)
    {
        await using var turn = await database.JobLockAsync(dbFactory, AlertSchedule.OverdueScanId, cancellationToken);
        return await ScanAsync(cancellationToken);
    }

    private async Task<ScanOutcome> ScanAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<string>();
        var examined = 0;
        var created = 0;
        try
        {
            var settings = await settingsStore.GetAsync(cancellationToken);
            var calendar = await calendars.GetAsync(cancellationToken);
            var zone = (await officeProfile.GetAsync(cancellationToken)).Zone;
            var now = startedAt;
            var horizon = calendar.DueSoonHorizon(now, settings.DueSoonWorkingDays);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            examined = await db.StepRuns.CountAsync(r => r.FinishedAt == null && r.DueAt != null, cancellationToken);
            var runs = await (
                from run in db.StepRuns
                where run.FinishedAt == null && run.DueAt != null && run.DueAt < horizon
                join innovation in db.Innovations on run.InnovationId equals innovation.Id
                where innovation.Status == InnovationStatus.Berjalan
                select new OpenRun(run.Id, run.InnovationId, run.StepNumber, run.DueAt!.Value, innovation.Title,
                    innovation.BidangId, innovation.ProposerId, innovation.SopDefinitionId))
                .ToListAsync(cancellationToken);
            var existing = (await (
                from notification in db.Notifications
                join run in db.StepRuns on notification.StepRunId equals run.Id
                where run.FinishedAt == null && run.DueAt != null && run.DueAt < horizon
                select new { notification.StepRunId, notification.Level, notification.RecipientId })
                .ToListAsync(cancellationToken))
                .Select(n => (n.StepRunId, n.Level, n.RecipientId))
                .ToHashSet();
            var directory = await AlertDirectory.LoadAsync(db, calendar.LocalDate(now), cancellationToken);

            var pending = new List<Notification>();
            var doersText = new Dictionary<(SopPelaksana, int, string), string>();
            foreach (var run in runs)
            {
                try
                {
                    var sop = await sops.GetAsync(run.SopDefinitionId, cancellationToken);
                    var step = sop.Step(run.StepNumber);
                    var status = calendar.Evaluate(run.DueAt, step.Duration, now, settings.DueSoonWorkingDays);
                    var pelaksana = sop.PelaksanaOf(step);
                    // Written only into a new alert, and the same for every item of a proposer at a step of this pelaksana.
                    string Doers() => doersText.TryGetValue((pelaksana, run.BidangId, run.ProposerId), out var text) ? text
                        : doersText[(pelaksana, run.BidangId, run.ProposerId)] = AlertTexts.Doers(pelaksana, directory.DoerNames(pelaksana.Level, run.BidangId, run.ProposerId));
                    foreach (var level in AlertRules.LevelsReached(status, settings.EscalationWorkingDays))
                    {
                        foreach (var recipient in directory.RecipientsFor(level, pelaksana.Level, run.BidangId, run.ProposerId))
                        {
                            if (existing.Contains((run.Id, level, recipient.Person.Id))) continue;
                            pending.Add(new Notification
                            {
                                RecipientId = recipient.Person.Id,
                                InnovationId = run.InnovationId,
                                StepRunId = run.Id,
                                Level = level,
                                OnBehalfOf = recipient.OnBehalfOf,
                                Title = AlertTexts.Title(level, run.Title),
                                Message = AlertTexts.Message(level, step, run.DueAt, status, settings.EscalationWorkingDays, Doers(), recipient, zone),
                                CreatedAt = now,
                                EmailTo = settings.SmtpConfigured && !string.IsNullOrWhiteSpace(recipient.Person.Email) ? recipient.Person.Email : null,
                            });
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Overdue scan failed on step run {RunId} of innovation {InnovationId}", run.Id, run.InnovationId);
                    failures.Add($"Inovasi #{run.InnovationId}, langkah {run.StepNumber}: gagal diperiksa ({ex.GetType().Name}; rincian di log server).");
                }
            }

            var recipients = await database.InsertAbsentNotificationsAsync(db, pending, cancellationToken);
            created = recipients.Count;
            notificationEvents.Publish(recipients);
            failures.AddRange(await mailQueue.EnqueuePendingAsync(db, now, cancellationToken));
            return await RecordAsync(startedAt, stopwatch, examined, created, failures, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Overdue scan failed");
            failures.Add($"Pemeriksaan gagal ({ex.GetType().Name}; rincian di log server).");
            await RecordAsync(startedAt, stopwatch, examined, created, failures, CancellationToken.None);
            throw;
        }
    }

    private async Task<ScanOutcome> RecordAsync(DateTimeOffset startedAt, Stopwatch stopwatch, int examined, int created,
        List<string> failures, CancellationToken cancellationToken)
    {
        var outcome = new ScanOutcome(examined, created, failures.Count, stopwatch.Elapsed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ScanRecords.Add(ScanRecords.From(AlertSchedule.OverdueScanId, startedAt, outcome, failures));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Overdue scan: {Runs} open runs, {Created} alerts, {Failures} failures in {Duration} ms",
            examined, created, failures.Count, outcome.Duration.TotalMilliseconds);
        return outcome;
    }
}
