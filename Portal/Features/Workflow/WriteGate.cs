using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Operations.Faults;

namespace Portal.Features.Workflow;

/// <summary>
/// The portal's one queue for database writes. SQLite lets one connection write at a time; writers that meet at
/// its lock wait by sleeping and polling (the busy timeout), which made the slowest save 0.5–1.2 s when 4–16
/// people saved at once. Waiting here instead hands the turn over the moment the previous write commits, in
/// arrival order. Enter just before the write transaction and leave right after its commit or rollback: reads
/// that need no transaction and publishing events stay outside.
/// On PostgreSQL, which locks rows instead of the whole database, the gate lets
/// <see cref="DatabaseOptions.EffectiveConcurrentWrites"/> writes through at once; two writes to one item still meet at
/// its row lock and the second sees the first's version.
/// Every write passes here, so here a refusal of the storage (full disk, I/O error) becomes a
/// <see cref="StorageFailureException"/> whose message a person may read, and is reported to the <see cref="StorageAlarm"/>.
/// </summary>
public sealed class WriteGate(StorageAlarm alarm, IOptions<DatabaseOptions> database)
{
    private readonly SemaphoreSlim turn = new(database.Value.EffectiveConcurrentWrites, database.Value.EffectiveConcurrentWrites);
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
        catch (Exception exception) when (alarm.Recognise(exception) is { } failure && failure != exception)
        {
            throw failure;
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
