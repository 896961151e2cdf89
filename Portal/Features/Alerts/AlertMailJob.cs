using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

/// <summary>
/// Sends one alert or digest e-mail. A mail server that is down makes the job throw, so Hangfire retries
/// it later; the scan that queued it has long finished. A mail already sent is not sent again.
/// </summary>
public sealed class AlertMailJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    SettingsStore settingsStore,
    SopCatalog sops,
    CalendarProvider calendars,
    SmtpMailSender sender,
    PortalLinks links,
    OfficeProfileStore officeProfile,
    MoveLinks moveLinks,
    TimeProvider clock,
    ILogger<AlertMailJob> logger)
{
    public const int Attempts = 10;

    [JobDisplayName("E-mail pemberitahuan #{0}")]
    [AutomaticRetry(Attempts = Attempts, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendNotificationAsync(long notificationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Notifications.AnyAsync(n => n.Id == notificationId && n.SystemAlertId != null, cancellationToken))
        {
            await SendSystemAlertAsync(db, notificationId, cancellationToken);
            return;
        }
        var row = await db.Notifications.AsNoTracking()
            .Where(n => n.Id == notificationId)
            .Select(n => new
            {
                n.EmailTo, n.EmailSentAt, n.Level, n.Title, n.Message, n.InnovationId,
                InnovationTitle = n.Innovation!.Title, n.Innovation.SopDefinitionId,
                n.StepRun!.StepNumber, n.StepRun.DueAt, n.StepRun.FinishedAt,
                RecipientName = n.Recipient!.FullName, n.RecipientId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is not { EmailTo: { } to, EmailSentAt: null, DueAt: { } dueAt }) return;
        if (row.FinishedAt is not null)
        {
            logger.LogInformation("Notification {Id} is about a step that has finished since; no e-mail sent", notificationId);
            return;
        }

        var settings = await settingsStore.GetAsync(cancellationToken);
        if (!settings.SmtpConfigured)
        {
            logger.LogWarning("SMTP is no longer configured; notification {Id} stays in-app only", notificationId);
            return;
        }

        if (NotificationInbox.NoLongerLate(row.Level, dueAt, row.FinishedAt, clock.GetUtcNow()))
        {
            logger.LogInformation("Notification {Id} is about a step whose due date was extended since; no e-mail sent", notificationId);
            return;
        }

        var step = (await sops.GetAsync(row.SopDefinitionId, cancellationToken)).Step(row.StepNumber);
        var calendar = await calendars.GetAsync(cancellationToken);
        var situation = calendar.Evaluate(dueAt, step.Duration, clock.GetUtcNow(), settings.DueSoonWorkingDays).Label;
        var (href, readyMove) = await moveLinks.ForAsync(row.InnovationId!.Value, row.RecipientId, cancellationToken);
        var message = AlertMail.ForNotification(new NotificationMail(
            to, row.RecipientName, row.Level, row.Title, row.Message, row.InnovationId!.Value, row.InnovationTitle,
            AlertTexts.StepLabel(step.Number, step.ShortName), dueAt, situation, href, readyMove), settings, links, await officeProfile.GetAsync(cancellationToken));

        await sender.SendAsync(settings, message, cancellationToken);
        await MarkSentAsync(db, notificationId, cancellationToken);
    }

    private async Task SendSystemAlertAsync(PortalDbContext db, long notificationId, CancellationToken cancellationToken)
    {
        var row = await db.Notifications.AsNoTracking()
            .Where(n => n.Id == notificationId)
            .Select(n => new { n.EmailTo, n.EmailSentAt, n.Title, n.Message, n.SystemAlert!.Link, n.SystemAlert.ResolvedAt, RecipientName = n.Recipient!.FullName })
            .FirstAsync(cancellationToken);
        if (row is not { EmailTo: { } to, EmailSentAt: null }) return;
        if (row.ResolvedAt is not null)
        {
            logger.LogInformation("Notification {Id} is about a system condition that is over; no e-mail sent", notificationId);
            return;
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        if (!settings.SmtpConfigured)
        {
            logger.LogWarning("SMTP is no longer configured; notification {Id} stays in-app only", notificationId);
            return;
        }
        await sender.SendAsync(settings, AlertMail.ForSystemAlert(to, row.RecipientName, row.Title, row.Message, row.Link, settings, links,
            await officeProfile.GetAsync(cancellationToken)), cancellationToken);
        await MarkSentAsync(db, notificationId, cancellationToken);
    }

    private async Task MarkSentAsync(PortalDbContext db, long notificationId, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow();
        await db.Notifications.Where(n => n.Id == notificationId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailSentAt, sentAt), cancellationToken);
    }

    [JobDisplayName("E-mail ringkasan harian #{0}")]
    [AutomaticRetry(Attempts = Attempts, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendDigestAsync(long digestId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var digest = await db.DigestDeliveries.AsNoTracking().Include(d => d.Recipient)
            .FirstOrDefaultAsync(d => d.Id == digestId, cancellationToken);
        if (digest is null || digest.EmailSentAt is not null) return;

        var settings = await settingsStore.GetAsync(cancellationToken);
        if (!settings.SmtpConfigured)
        {
            logger.LogWarning("SMTP is no longer configured; digest {Id} not sent", digestId);
            return;
        }

        await sender.SendAsync(settings, AlertMail.ForDigest(digest, digest.Recipient?.FullName ?? digest.EmailTo, settings), cancellationToken);
        var sentAt = clock.GetUtcNow();
        await db.DigestDeliveries.Where(d => d.Id == digestId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.EmailSentAt, sentAt), cancellationToken);
    }
}
