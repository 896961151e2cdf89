using System.Threading.Channels;

namespace Portal.Features.Operations.Faults;

/// <summary>A change in whether the storage accepts writes: it started refusing them, or accepts them again.</summary>
public sealed record StorageStateChange(StorageProblem Problem, bool Refusing);

/// <summary>
/// Knows whether the server's storage is refusing writes. Every write path reports here (the write gate, the EF Core
/// interceptor, file uploads); the first refusal of a kind is logged with its cause and announced once, and the first
/// committed write afterwards announces that writes work again. The announcements feed the administrators' alert.
/// </summary>
public sealed class StorageAlarm(ILogger<StorageAlarm> logger)
{
    private readonly Channel<StorageStateChange> changes = Channel.CreateUnbounded<StorageStateChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AsyncLocal<bool> ownWrite = new();
    private int refusing;

    public ChannelReader<StorageStateChange> Changes => changes.Reader;

    public bool IsRefusing(StorageProblem problem) => (Volatile.Read(ref refusing) & Bit(problem)) != 0;

    /// <summary>
    /// The storage failure behind an exception, reported here; null when the exception is about something else. A
    /// <see cref="StorageFailureException"/> is returned as it is (it was reported when it was made).
    /// </summary>
    public StorageFailureException? Recognise(Exception exception)
    {
        if (exception is StorageFailureException known) return known;
        if (StorageFailures.Classify(exception) is not { } problem) return null;
        Failed(problem, exception);
        return new StorageFailureException(problem, exception);
    }

    public void Failed(StorageProblem problem, Exception cause)
    {
        var before = Interlocked.Or(ref refusing, Bit(problem));
        if ((before & Bit(problem)) != 0)
        {
            logger.LogDebug("Storage still refuses writes ({Problem}): {Cause}", problem, cause.Message);
            return;
        }
        logger.LogError(cause, "Storage refused a write ({Problem}); writes fail with a message to the person until space or access is restored", problem);
        changes.Writer.TryWrite(new StorageStateChange(problem, Refusing: true));
    }

    /// <summary>A write was committed: whatever was refusing writes is over.</summary>
    public void Succeeded()
    {
        if (Volatile.Read(ref refusing) == 0 || ownWrite.Value) return;
        var before = Interlocked.Exchange(ref refusing, 0);
        foreach (var problem in Enum.GetValues<StorageProblem>().Where(p => (before & Bit(p)) != 0))
        {
            logger.LogWarning("Storage accepts writes again (was {Problem})", problem);
            changes.Writer.TryWrite(new StorageStateChange(problem, Refusing: false));
        }
    }

    /// <summary>Marks a refusal known from before (an alert still open after a restart) without announcing it again.</summary>
    public void RememberRefusing(StorageProblem problem) => Interlocked.Or(ref refusing, Bit(problem));

    /// <summary>
    /// Within the returned scope, commits do not count as proof that writes work: the alert's own small write may fit
    /// where a person's did not.
    /// </summary>
    public IDisposable IgnoringOwnWrites()
    {
        ownWrite.Value = true;
        return new OwnWriteScope(ownWrite);
    }

    private sealed class OwnWriteScope(AsyncLocal<bool> flag) : IDisposable
    {
        public void Dispose() => flag.Value = false;
    }

    private static int Bit(StorageProblem problem) => 1 << (int)problem;
}
