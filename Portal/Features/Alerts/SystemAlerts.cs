using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

/// <summary>
/// Alerts the administrators about the portal itself (a failed backup, a full disk, next year's holidays missing):
/// in the bell and on the notifications page, and by e-mail like a late step. Once per key until it is resolved.
/// </summary>
public sealed class SystemAlerts(
    IDbContextFactory<PortalDbContext> dbFactory,
    SettingsStore settingsStore,
    NotificationEvents notificationEvents,
    AlertMailQueue mailQueue,
    WriteGate writeGate,
    TimeProvider clock,
    ILogger<SystemAlerts> logger)
{
    /// <summary>
    /// Alerts every active Administrator once per key: raising a key that is already raised (and not resolved)
    /// does nothing and returns false. Title and message in Bahasa Indonesia, without server paths.
    /// </summary>
    /// <param name="link">The portal page where an administrator acts on it, e.g. "/admin/cadangan".</param>
    public async Task<bool> RaiseAsync(string key, string title, string message, CancellationToken cancellationToken = default, string? link = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SystemAlerts.AnyAsync(a => a.Key == key && a.ResolvedAt == null, cancellationToken)) return false;
        var settings = await settingsStore.GetAsync(cancellationToken);
        var administrators = await (
            from user in db.Users
            where user.IsActive
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == PortalRoles.Administrator
            select new { user.Id, user.Email }).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var alert = new SystemAlert { Key = key, Title = title, Message = message, Link = link, RaisedAt = now };
        db.SystemAlerts.Add(alert);
        db.Notifications.AddRange(administrators.Select(admin => new Notification
        {
            RecipientId = admin.Id,
            SystemAlert = alert,
            Level = AlertLevel.System,
            Title = $"{AlertTexts.LevelName(AlertLevel.System)}: {title}",
            Message = message,
            CreatedAt = now,
            EmailTo = settings.SmtpConfigured && !string.IsNullOrWhiteSpace(admin.Email) ? admin.Email : null,
        }));
        try
        {
            await writeGate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await IsOpenAsync(key, cancellationToken)) return false; // raised meanwhile by another caller
            throw;
        }
        logger.LogWarning("System alert {Key} raised for {Count} administrators: {Title}", key, administrators.Count, title);
        notificationEvents.Publish(administrators.Select(a => a.Id));
        await mailQueue.EnqueuePendingAsync(db, now, cancellationToken);
        return true;
    }

    /// <summary>The condition is over; a later <see cref="RaiseAsync"/> with the same key alerts again.</summary>
    public async Task ResolveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var resolved = await writeGate.RunAsync(() => db.SystemAlerts.Where(a => a.Key == key && a.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ResolvedAt, (DateTimeOffset?)now), cancellationToken), cancellationToken);
        if (resolved > 0) logger.LogInformation("System alert {Key} resolved", key);
    }

    /// <summary>Keys raised and not resolved.</summary>
    public async Task<IReadOnlyList<string>> OpenKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SystemAlerts.Where(a => a.ResolvedAt == null).OrderBy(a => a.RaisedAt).Select(a => a.Key).ToListAsync(cancellationToken);
    }

    private async Task<bool> IsOpenAsync(string key, CancellationToken cancellationToken) =>
        (await OpenKeysAsync(cancellationToken)).Contains(key);
}
