using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

public sealed record NotificationView(
    long Id,
    int? InnovationId,
    AlertLevel Level,
    string Title,
    string Message,
    string? OnBehalfOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string? Link = null)
{
    /// <summary>Where "open" leads: the innovation, or the page of a system alert.</summary>
    public string? Target => InnovationId is { } id ? $"/inovasi/{id}" : Link;
}

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread);

/// <summary>A person's own notifications: every query and change is limited to the given recipient.</summary>
public sealed class NotificationInbox(IDbContextFactory<PortalDbContext> dbFactory, NotificationEvents events, WriteGate writeGate, TimeProvider clock)
{
    public async Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<NotificationPage> PageAsync(string userId, bool unreadOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var filtered = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await mine.CountAsync(cancellationToken);
        var items = await filtered
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(n => new NotificationView(n.Id, n.InnovationId, n.Level, n.Title, n.Message, n.OnBehalfOf, n.CreatedAt, n.ReadAt, n.SystemAlert!.Link))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread);
    }

    /// <summary>Marks one of the person's notifications read; false when it is not theirs or does not exist.</summary>
    public async Task<bool> MarkReadAsync(string userId, long notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exists = await db.Notifications.AnyAsync(n => n.Id == notificationId && n.RecipientId == userId, cancellationToken);
        if (!exists) return false;
        var now = clock.GetUtcNow();
        var changed = await writeGate.RunAsync(() => db.Notifications
            .Where(n => n.Id == notificationId && n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, (DateTimeOffset?)now), cancellationToken), cancellationToken);
        if (changed > 0) events.Publish([userId]);
        return true;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await writeGate.RunAsync(() => db.Notifications
            .Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, (DateTimeOffset?)now), cancellationToken), cancellationToken);
        if (changed > 0) events.Publish([userId]);
        return changed;
    }
}
