namespace Portal.Features.Workflow;

/// <summary>
/// Publish/subscribe for live screens. Handlers run off the publisher's thread so a slow
/// circuit never delays the writer; a failing handler is logged and the others still run.
/// A change made on this instance is <see cref="Publish"/>ed: its subscribers hear it and <see cref="PublishedHere"/> is raised,
/// so that on PostgreSQL the change also reaches the portal's other instances, where it is <see cref="Deliver"/>ed.
/// </summary>
public abstract class EventHub<TEvent>(ILogger logger)
{
    private readonly Lock gate = new();
    private volatile Func<TEvent, Task>[] handlers = [];

    public int SubscriberCount => handlers.Length;

    /// <summary>Raised for each change made on this instance, after its subscribers were handed it; not for a delivered one.</summary>
    public event Action<TEvent>? PublishedHere;

    public IDisposable Subscribe(Func<TEvent, Task> handler)
    {
        lock (gate) handlers = [.. handlers, handler];
        return new Subscription(this, handler);
    }

    /// <summary>A change made on this instance.</summary>
    public void Publish(TEvent change)
    {
        Deliver(change);
        PublishedHere?.Invoke(change);
    }

    /// <summary>Hands a change to this instance's subscribers only: one made on another instance of the portal.</summary>
    public void Deliver(TEvent change)
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
