using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Alerts;

/// <summary>
/// Hands e-mails to Hangfire, one send job each. A row is first claimed with an atomic update, so two
/// scans never enqueue the same e-mail; a row whose enqueue fails is released and the next scan tries again.
/// </summary>
public sealed class AlertMailQueue(IBackgroundJobClient jobs, ILogger<AlertMailQueue> logger)
{
    public async Task<IReadOnlyList<string>> EnqueuePendingAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        foreach (var id in await db.Database.SqlQuery<long>(
                     $"""UPDATE "Notifications" SET "EmailQueuedAt" = {now.UtcDateTime} WHERE "EmailTo" IS NOT NULL AND "EmailQueuedAt" IS NULL RETURNING "Id" AS "Value" """)
                     .ToListAsync(cancellationToken))
        {
            if (TryEnqueue(() => jobs.Enqueue<AlertMailJob>(job => job.SendNotificationAsync(id, CancellationToken.None)), failures, $"e-mail pemberitahuan #{id}")) continue;
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailQueuedAt, (DateTimeOffset?)null), cancellationToken);
        }
        foreach (var id in await db.Database.SqlQuery<long>(
                     $"""UPDATE "DigestDeliveries" SET "EmailQueuedAt" = {now.UtcDateTime} WHERE "EmailQueuedAt" IS NULL RETURNING "Id" AS "Value" """)
                     .ToListAsync(cancellationToken))
        {
            if (TryEnqueue(() => jobs.Enqueue<AlertMailJob>(job => job.SendDigestAsync(id, CancellationToken.None)), failures, $"e-mail ringkasan #{id}")) continue;
            await db.DigestDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.EmailQueuedAt, (DateTimeOffset?)null), cancellationToken);
        }
        return failures;
    }

    private bool TryEnqueue(Action enqueue, List<string> failures, string what)
    {
        try
        {
            enqueue();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not enqueue {What}; the next scan tries again", what);
            failures.Add($"Gagal mengantrekan {what}: {ex.Message}");
            return false;
        }
    }
}
