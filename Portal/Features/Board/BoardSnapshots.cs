using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Board;

/// <summary>
/// Keeps the one board snapshot of this server: built once from the database, then updated from the workflow's
/// change events by reading only the changed innovation, and read again as a whole once a minute (lateness moves
/// with the clock; names and holidays change outside the workflow). Open boards subscribe to its updates.
/// </summary>
public sealed class BoardSnapshots : EventHub<BoardUpdate>, IDisposable
{
    /// <summary>Finished innovations stay on the board's last column this long.</summary>
    public const int FinishedWindowDays = 60;

    private static readonly TimeSpan RejudgeEvery = TimeSpan.FromMinutes(1);

    private readonly InnovationQueries queries;
    private readonly SopCatalog sops;
    private readonly TimeProvider clock;
    private readonly ILogger<BoardSnapshots> logger;
    private readonly SemaphoreSlim updating = new(1, 1);
    private readonly IDisposable subscription;
    private ITimer? rejudgeTimer;
    private volatile BoardSnapshot? current;
    private int rejudging;
    private int rejudgeWanted;

    public BoardSnapshots(InnovationQueries queries, SopCatalog sops, InnovationEvents events, TimeProvider clock, ILogger<BoardSnapshots> logger)
        : base(logger)
    {
        this.queries = queries;
        this.sops = sops;
        this.clock = clock;
        this.logger = logger;
        // Subscribed before the first build: a change committed while it reads waits for it, then is applied.
        subscription = events.Subscribe(ApplyAsync);
    }

    public async Task<BoardSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } snapshot) return snapshot;
        await updating.WaitAsync(cancellationToken);
        try
        {
            if (current is null)
            {
                current = await BuildAsync(previous: null, cancellationToken);
                rejudgeTimer ??= clock.CreateTimer(_ => _ = RejudgeAsync(), null, RejudgeEvery, RejudgeEvery);
            }
            return current;
        }
        finally
        {
            updating.Release();
        }
    }

    private async Task ApplyAsync(InnovationChanged change)
    {
        BoardSnapshot next;
        await updating.WaitAsync();
        try
        {
            if (current is not { } snapshot) return; // nobody has opened a board yet: the first build will read it
            var fresh = (await queries.SummariesAsync(onlyId: change.InnovationId)).Where(OnBoard(Now)).ToList();
            var items = snapshot.Items.Where(i => i.Id != change.InnovationId).Concat(fresh);
            next = current = await SnapshotOfAsync(items, snapshot);
        }
        finally
        {
            updating.Release();
        }
        Publish(new BoardUpdate(next, change));
    }

    // One re-read at a time, and ticks that come while one runs are folded into one more re-read after it: a slow
    // machine, or a clock that jumped ahead and fires every minute it skipped, must not queue thousands of reads ahead
    // of the moves, nor lose the tick that came while a re-read was already reading.
    private async Task RejudgeAsync()
    {
        Interlocked.Exchange(ref rejudgeWanted, 1);
        while (Volatile.Read(ref rejudgeWanted) == 1 && Interlocked.CompareExchange(ref rejudging, 1, 0) == 0)
        {
            try
            {
                while (Interlocked.Exchange(ref rejudgeWanted, 0) == 1) await RejudgeOnceAsync();
            }
            finally
            {
                Volatile.Write(ref rejudging, 0);
            }
        }
    }

    private async Task RejudgeOnceAsync()
    {
        try
        {
            BoardSnapshot next;
            await updating.WaitAsync();
            try
            {
                if (current is not { } previous) return;
                next = await BuildAsync(previous, CancellationToken.None);
                if (ReferenceEquals(next, previous)) return;
                current = next;
            }
            finally
            {
                updating.Release();
            }
            Publish(new BoardUpdate(next, null));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The board snapshot could not be read again; boards keep the previous one");
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private static Func<InnovationSummary, bool> OnBoard(DateTimeOffset now) => item =>
        item.Status == InnovationStatus.Berjalan
        || item.Status == InnovationStatus.Selesai && item.UpdatedAt >= now.AddDays(-FinishedWindowDays);

    // Unchanged innovations keep their instance, so their cards skip the re-render; nothing changed, no new snapshot.
    private async Task<BoardSnapshot> BuildAsync(BoardSnapshot? previous, CancellationToken cancellationToken)
    {
        var now = Now;
        var fresh = (await queries.SummariesAsync(now.AddDays(-FinishedWindowDays), cancellationToken: cancellationToken)).Where(OnBoard(now));
        if (previous is null) return await SnapshotOfAsync(fresh, null, cancellationToken);
        var known = previous.Items.ToDictionary(i => i.Id);
        var merged = fresh.Select(i => known.TryGetValue(i.Id, out var old) && old == i ? old : i).ToList();
        var (currentSopId, _) = await sops.CurrentAsync(cancellationToken);
        if (currentSopId == previous.CurrentSopId && merged.Count == previous.Items.Count
            && merged.All(i => known.TryGetValue(i.Id, out var old) && ReferenceEquals(old, i)))
        {
            return previous;
        }
        return await SnapshotOfAsync(merged, previous, cancellationToken);
    }

    private async Task<BoardSnapshot> SnapshotOfAsync(IEnumerable<InnovationSummary> items, BoardSnapshot? previous, CancellationToken cancellationToken = default)
    {
        var ordered = BoardSnapshot.InBoardOrder(items);
        var (currentSopId, currentSop) = await sops.CurrentAsync(cancellationToken);
        var versions = new Dictionary<int, SopDocument> { [currentSopId] = currentSop };
        foreach (var id in ordered.Select(i => i.SopDefinitionId).Distinct().Where(id => !versions.ContainsKey(id)))
            versions[id] = previous?.Sops.GetValueOrDefault(id) ?? await sops.GetAsync(id, cancellationToken);
        return new BoardSnapshot(ordered, versions, currentSopId);
    }

    public void Dispose()
    {
        subscription.Dispose();
        rejudgeTimer?.Dispose();
        updating.Dispose();
    }
}
