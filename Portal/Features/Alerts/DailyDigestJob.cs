using System.Diagnostics;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

/// <summary>
/// The morning e-mail on working days: each Kepala Bidang gets the late and soon-due steps of their
/// bidang, the Kepala Dinas those of the whole dinas (and their Plt./Plh., or the Plt. of a vacant position, the same). No
/// late or soon-due step, no e-mail; a re-run on the same day mails nobody twice. One digest runs at a time across all
/// instances of the portal, and a scheduled digest asked for before another one started is not run again.
/// </summary>
public sealed class DailyDigestJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    SettingsStore settingsStore,
    CalendarProvider calendars,
    SopCatalog sops,
    AlertMailQueue mailQueue,
    PortalLinks links,
    OfficeProfileStore officeProfile,
    PortalDatabase database,
    TimeProvider clock,
    ILogger<DailyDigestJob> logger)
{
    public const string DinasScope = "dinas";

    public static string BidangScope(int bidangId) => $"bidang:{bidangId}";

    /// <summary>The digest as the schedule (or a trigger) asks for it: not again when a digest started since the request has done it.</summary>
    [JobDisplayName(AlertTexts.DigestJobName)]
    [AutomaticRetry(Attempts = 3)]
    [StampRequestTime]
    public async Task<ScanOutcome> RunScheduledAsync(PerformContext? job, CancellationToken cancellationToken)
    {
        await using var turn = await database.JobLockAsync(dbFactory, AlertSchedule.DailyDigestId, cancellationToken);
        if (await ScanRecords.CoveredAsync(dbFactory, AlertSchedule.DailyDigestId, JobRequests.RequestedAt(job), cancellationToken))
        {
            logger.LogInformation("Daily digest asked for at {RequestedAt} not run: a digest started since has done it", JobRequests.RequestedAt(job));
            return ScanOutcome.CoveredByAnotherRun;
        }
        return await DigestAsync(cancellationToken);
    }

    /// <summary>The digest now, whatever ran before; it waits for a digest under way on any instance.</summary>
    [JobDisplayName(AlertTexts.DigestJobName)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<ScanOutcome> RunAsync(CancellationToken cancellationToken)
    {
        await using var turn = await database.JobLockAsync(dbFactory, AlertSchedule.DailyDigestId, cancellationToken);
        return await DigestAsync(cancellationToken);
    }

    private async Task<ScanOutcome> DigestAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var office = await officeProfile.GetAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = calendar.LocalDate(startedAt);
        if (!calendar.IsWorkingDay(today))
            return await RecordAsync(startedAt, stopwatch, 0, 0, [], AlertTexts.DigestSkippedHoliday, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        if (!settings.SmtpConfigured)
            return await RecordAsync(startedAt, stopwatch, 0, 0, [], AlertTexts.DigestSkippedNoSmtp, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await (
            from run in db.StepRuns
            where run.FinishedAt == null && run.DueAt != null
            join innovation in db.Innovations on run.InnovationId equals innovation.Id
            where innovation.Status == InnovationStatus.Berjalan
            select new
            {
                run.InnovationId, run.StepNumber, DueAt = run.DueAt!.Value, innovation.Title, innovation.BidangId,
                BidangName = innovation.Bidang!.Name, BidangShortName = innovation.Bidang.ShortName, innovation.ProposerId, innovation.SopDefinitionId,
                innovation.CurrentStep, innovation.Status,
            }).ToListAsync(cancellationToken);
        var directory = await AlertDirectory.LoadAsync(db, today, cancellationToken);

        var items = new List<(int BidangId, DigestItem Item)>();
        var subjects = new Dictionary<int, (SopDocument Sop, InnovationState State)>();
        foreach (var run in runs)
        {
            var sop = await sops.GetAsync(run.SopDefinitionId, cancellationToken);
            subjects[run.InnovationId] = (sop, new InnovationState(run.CurrentStep, run.Status, run.BidangId));
            var step = sop.Step(run.StepNumber);
            var status = calendar.Evaluate(run.DueAt, step.Duration, startedAt, settings.DueSoonWorkingDays);
            if (status.Level is not (SlaLevel.Late or SlaLevel.DueSoon)) continue;
            var pelaksana = sop.PelaksanaOf(step);
            var doers = AlertTexts.Doers(pelaksana, directory.DoerNames(pelaksana.Level, run.BidangId, run.ProposerId));
            items.Add((run.BidangId, new DigestItem(run.InnovationId, run.Title, run.BidangShortName,
                AlertTexts.StepLabel(step.Number, step.ShortName), doers, run.DueAt, status)));
        }

        var deliveries = new List<DigestDelivery>();
        foreach (var bidang in items.GroupBy(i => i.BidangId))
        {
            var bidangItems = bidang.Select(i => i.Item).ToList();
            var bidangName = runs.First(r => r.BidangId == bidang.Key).BidangName;
            deliveries.AddRange(await DeliveriesAsync(db, directory.BidangHeadRecipients(bidang.Key), BidangScope(bidang.Key),
                $"di {bidangName}", today, bidangItems, subjects, startedAt, office, cancellationToken));
        }
        if (items.Count > 0)
        {
            deliveries.AddRange(await DeliveriesAsync(db, directory.HeadOfOfficeRecipients, DinasScope,
                "di lingkungan Dinas", today, items.Select(i => i.Item).ToList(), subjects, startedAt, office, cancellationToken));
        }

        var created = await InsertAbsentAsync(db, deliveries, cancellationToken);
        var failures = await mailQueue.EnqueuePendingAsync(db, startedAt, cancellationToken);
        return await RecordAsync(startedAt, stopwatch, runs.Count, created, failures, null, cancellationToken);
    }

    /// <param name="subjects">Each listed item's SOP and state, so a step the recipient does themselves links with their move ready.</param>
    private async Task<List<DigestDelivery>> DeliveriesAsync(PortalDbContext db, IReadOnlyList<AlertRecipient> recipients, string scope,
        string scopeName, DateOnly today, IReadOnlyList<DigestItem> items, IReadOnlyDictionary<int, (SopDocument Sop, InnovationState State)> subjects,
        DateTimeOffset now, OfficeSnapshot office, CancellationToken cancellationToken)
    {
        var deliveries = new List<DigestDelivery>();
        foreach (var recipient in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Person.Email)))
        {
            var acting = AlertTexts.ActingPrefix(recipient);
            var actor = await ActorDirectory.ResolveAsync(db, recipient.Person.Id, today, cancellationToken);
            string HrefOf(int innovationId) => actor is null
                ? MoveLinks.Href(innovationId)
                : MoveLinks.Href(innovationId, MoveLinks.Ready(subjects[innovationId].Sop, subjects[innovationId].State, actor));
            var (html, text) = AlertMail.DigestBody(recipient.Person.FullName, scopeName, acting, today, items, HrefOf, links, office);
            deliveries.Add(new DigestDelivery
            {
                RecipientId = recipient.Person.Id,
                Date = today,
                Scope = scope,
                EmailTo = recipient.Person.Email!,
                Subject = AlertTexts.DigestSubject(today),
                BodyHtml = html,
                BodyText = text,
                LateCount = items.Count(i => i.Status.Level == SlaLevel.Late),
                DueSoonCount = items.Count(i => i.Status.Level == SlaLevel.DueSoon),
                CreatedAt = now,
            });
        }
        return deliveries;
    }

    private static async Task<int> InsertAbsentAsync(PortalDbContext db, IReadOnlyList<DigestDelivery> deliveries, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var digest in deliveries)
        {
            var ids = await db.Database.SqlQuery<long>($"""
                INSERT INTO "DigestDeliveries" ("RecipientId", "Date", "Scope", "EmailTo", "Subject", "BodyHtml", "BodyText", "LateCount", "DueSoonCount", "CreatedAt")
                VALUES ({digest.RecipientId}, {digest.Date}, {digest.Scope}, {digest.EmailTo}, {digest.Subject}, {digest.BodyHtml}, {digest.BodyText},
                        {digest.LateCount}, {digest.DueSoonCount}, {digest.CreatedAt.UtcDateTime})
                ON CONFLICT ("RecipientId", "Date", "Scope") DO NOTHING RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
            inserted += ids.Count;
        }
        return inserted;
    }

    private async Task<ScanOutcome> RecordAsync(DateTimeOffset startedAt, Stopwatch stopwatch, int examined, int created,
        IReadOnlyList<string> failures, string? note, CancellationToken cancellationToken)
    {
        var outcome = new ScanOutcome(examined, created, failures.Count, stopwatch.Elapsed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ScanRecords.Add(ScanRecords.From(AlertSchedule.DailyDigestId, startedAt, outcome, failures, note));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Daily digest: {Created} e-mails queued{Note}", created, note is null ? "" : $" ({note})");
        return outcome;
    }
}
