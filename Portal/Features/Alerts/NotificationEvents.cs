namespace Portal.Features.Alerts;

/// <summary>Whose notifications changed: new alerts arrived, or some were marked read.</summary>
public sealed record NotificationsChanged(IReadOnlySet<string> RecipientIds);

/// <summary>
/// In-process notifier for the bell and the notifications page. Handlers run off the publisher's thread
/// so a slow circuit never delays the scan.
/// </summary>
public sealed class NotificationEvents(ILogger<NotificationEvents> logger)
{
    private readonly Lock gate = new();
    private volatile Func<NotificationsChanged, Task>[] handlers = [];

    public int SubscriberCount => handlers.Length;

    public IDisposable Subscribe(Func<NotificationsChanged, Task> handler)
    {
        lock (gate) handlers = [.. handlers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(IEnumerable<string> recipientIds)
    {
        var change = new NotificationsChanged(recipientIds.ToHashSet());
        if (change.RecipientIds.Count == 0) return;
        foreach (var handler in handlers)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await handler(change);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "A notification subscriber failed");
                }
            });
        }
    }

    private void Unsubscribe(Func<NotificationsChanged, Task> handler)
    {
        lock (gate) handlers = handlers.Where(h => h != handler).ToArray();
    }

    private sealed class Subscription(NotificationEvents owner, Func<NotificationsChanged, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Unsubscribe(handler);
        }
    }
}
