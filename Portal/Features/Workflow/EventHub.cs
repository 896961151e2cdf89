namespace Portal.Features.Workflow;

/// <summary>
/// In-process publish/subscribe for live screens. Handlers run off the publisher's thread so a slow
/// circuit never delays the writer; a failing handler is logged and the others still run.
/// </summary>
public abstract class EventHub<TEvent>(ILogger logger)
{
    private readonly Lock gate = new();
    private volatile Func<TEvent, Task>[] handlers = [];

    public int SubscriberCount => handlers.Length;

    public IDisposable Subscribe(Func<TEvent, Task> handler)
    {
        lock (gate) handlers = [.. handlers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(TEvent change)
    {
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
                    logger.LogWarning(ex, "A subscriber failed to handle {Event}", change);
                }
            });
        }
    }

    private void Unsubscribe(Func<TEvent, Task> handler)
    {
        lock (gate) handlers = handlers.Where(h => h != handler).ToArray();
    }

    private sealed class Subscription(EventHub<TEvent> owner, Func<TEvent, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Unsubscribe(handler);
        }
    }
}
