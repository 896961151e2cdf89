using Portal.Domain;

namespace Portal.Features.Workflow;

public sealed record InnovationChanged(
    int InnovationId,
    string Action,
    int? FromStep,
    int? ToStep,
    InnovationStatus Status,
    string ActorName,
    DateTimeOffset At);

/// <summary>
/// In-process notifier: the workflow service publishes after each commit, every open board and bell
/// subscribes. Handlers run off the publisher's thread so a slow board never delays a move.
/// </summary>
public sealed class InnovationEvents(ILogger<InnovationEvents> logger)
{
    private readonly Lock gate = new();
    private volatile Func<InnovationChanged, Task>[] handlers = [];

    public IDisposable Subscribe(Func<InnovationChanged, Task> handler)
    {
        lock (gate) handlers = [.. handlers, handler];
        return new Subscription(this, handler);
    }

    public int SubscriberCount => handlers.Length;

    public void Publish(InnovationChanged change)
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
                    logger.LogWarning(ex, "A subscriber failed to handle the change of innovation {InnovationId}", change.InnovationId);
                }
            });
        }
    }

    private void Unsubscribe(Func<InnovationChanged, Task> handler)
    {
        lock (gate) handlers = handlers.Where(h => h != handler).ToArray();
    }

    private sealed class Subscription(InnovationEvents owner, Func<InnovationChanged, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Unsubscribe(handler);
        }
    }
}
