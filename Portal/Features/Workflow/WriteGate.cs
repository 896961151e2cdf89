namespace Portal.Features.Workflow;

/// <summary>
/// The portal's one queue for database writes. SQLite lets one connection write at a time; writers that meet at
/// its lock wait by sleeping and polling (the busy timeout), which made the slowest save 0.5–1.2 s when 4–16
/// people saved at once. Waiting here instead hands the turn over the moment the previous write commits, in
/// arrival order. Enter just before the write transaction and leave right after its commit or rollback: reads
/// that need no transaction and publishing events stay outside.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private int waiting;

    /// <summary>Writes queued for their turn now, not counting the one writing.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        try
        {
            return await write();
        }
        finally
        {
            turn.Release();
        }
    }

    public Task RunAsync(Func<Task> write, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await write();
            return true;
        }, cancellationToken);
}
