using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Features.Board;

/// <summary>
/// Keeps one board snapshot per SOP on this server, each built the first time someone opens that SOP's board. The
/// workflow's change events (made here or, on PostgreSQL, on another instance) are routed to the board of the changed
/// item's SOP, which reads only that item again; when this instance may have missed some, every board is read again.
/// </summary>
public sealed class BoardSnapshots : IDisposable
{
    /// <summary>Finished items stay on the board's last column this long.</summary>
    public const int FinishedWindowDays = 60;

    private readonly InnovationQueries queries;
    private readonly SopCatalog sops;
    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly ILogger<BoardSnapshots> logger;
    private readonly ConcurrentDictionary<int, SopBoard> boards = new();
    private long sequence;
    /// <summary>Which SOP each item runs: it never changes, so each item's is read from the database once.</summary>
    private readonly ConcurrentDictionary<int, int> sopOfItem = new();
    private readonly IDisposable subscription;
    private readonly IDisposable missedSubscription;

    public BoardSnapshots(InnovationQueries queries, SopCatalog sops, IDbContextFactory<PortalDbContext> dbFactory, InnovationEvents events,
        MissedChanges missed, TimeProvider clock, ILogger<BoardSnapshots> logger)
    {
        this.queries = queries;
        this.sops = sops;
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.logger = logger;
        // Subscribed before any board is built: a change committed while a board reads waits for it, then is applied.
        subscription = events.Subscribe(ApplyAsync);
        missedSubscription = missed.Subscribe(_ => Task.WhenAll(boards.Values.Select(board => board.ReadAgainAsync())));
    }

    /// <summary>The board of one SOP (the <see cref="Sop"/> row's id), built on first use.</summary>
    public Task<BoardSnapshot> GetAsync(int sopId, CancellationToken cancellationToken = default) => BoardOf(sopId).GetAsync(cancellationToken);

    /// <summary>Hears every new snapshot of one SOP's board.</summary>
    public IDisposable Subscribe(int sopId, Func<BoardUpdate, Task> handler) => BoardOf(sopId).Subscribe(handler);

    // The board is registered before its first build reads, so no change committed after that read can miss it.
    private SopBoard BoardOf(int sopId) => boards.GetOrAdd(sopId, id => new SopBoard(this, id));

    private async Task ApplyAsync(InnovationChanged change)
    {
        if (boards.IsEmpty) return; // nobody has opened a board yet: the first build will read it
        var sopId = await SopOfAsync(change.InnovationId);
        if (sopId is { } id && boards.TryGetValue(id, out var board)) await board.ApplyAsync(change);
    }

    private async Task<int?> SopOfAsync(int innovationId)
    {
        if (sopOfItem.TryGetValue(innovationId, out var known)) return known;
        await using var db = await dbFactory.CreateDbContextAsync();
        var sopId = await db.Innovations.Where(i => i.Id == innovationId).Select(i => (int?)i.SopDefinition!.SopId).FirstOrDefaultAsync();
        if (sopId is { } id) sopOfItem[innovationId] = id;
        return sopId;
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private static Func<InnovationSummary, bool> OnBoard(DateTimeOffset now) => item =>
        item.Status == InnovationStatus.Berjalan
        || item.Status == InnovationStatus.Selesai && item.UpdatedAt >= now.AddDays(-FinishedWindowDays);

    public void Dispose()
    {
        subscription.Dispose();
        missedSubscription.Dispose();
        foreach (var board in boards.Values) board.Dispose();
    }

    /// <summary>
    /// One SOP's board: built once from the database, then updated from the changes of its items by reading only the
    /// changed item, and read again as a whole once a minute (lateness moves with the clock; names and holidays
    /// change outside the workflow), and when this instance may have missed changes made on another. Its open boards
    /// subscribe to its updates.
    /// </summary>
    private sealed class SopBoard(BoardSnapshots owner, int sopId) : EventHub<BoardUpdate>(owner.logger), IDisposable
    {
        private static readonly TimeSpan RejudgeEvery = TimeSpan.FromMinutes(1);

        private readonly SemaphoreSlim updating = new(1, 1);
        private ITimer? rejudgeTimer;
        private volatile BoardSnapshot? current;
        private int readingAgain;
        private int readAgainWanted;

        public async Task<BoardSnapshot> GetAsync(CancellationToken cancellationToken)
        {
            if (current is { } snapshot) return snapshot;
            await updating.WaitAsync(cancellationToken);
            try
            {
                if (current is null)
                {
                    current = await BuildAsync(previous: null, cancellationToken);
                    rejudgeTimer ??= owner.clock.CreateTimer(_ => _ = ReadAgainAsync(), null, RejudgeEvery, RejudgeEvery);
                }
                return current;
            }
            finally
            {
                updating.Release();
            }
        }

        public async Task ApplyAsync(InnovationChanged change)
        {
            BoardSnapshot next;
            await updating.WaitAsync();
            try
            {
                if (current is not { } snapshot) return; // not built yet: its first build will read it
                var fresh = (await owner.queries.SummariesAsync(onlyId: change.InnovationId)).Where(OnBoard(owner.Now)).ToList();
                var items = snapshot.Items.Where(i => i.Id != change.InnovationId).Concat(fresh);
                next = current = await SnapshotOfAsync(items, snapshot);
            }
            finally
            {
                updating.Release();
            }
            Publish(new BoardUpdate(next, change));
        }

        /// <summary>
        /// Reads the whole board again, and publishes it if anything changed. One re-read at a time, and requests that
        /// come while one runs are folded into one more re-read after it: a slow machine, or a clock that jumped ahead and
        /// fires every minute it skipped, must not queue thousands of reads ahead of the moves, nor lose the request that
        /// came while a re-read was already reading. The read runs on the thread pool, never in the caller: SQLite
        /// completes its "async" reads synchronously, so a read inside the timer's callback would end before the next
        /// missed minute fires, and nothing would ever be folded.
        /// </summary>
        public Task ReadAgainAsync()
        {
            Interlocked.Exchange(ref readAgainWanted, 1);
            return Interlocked.CompareExchange(ref readingAgain, 1, 0) == 0 ? Task.Run(ReadWhileWantedAsync) : Task.CompletedTask;
        }

        private async Task ReadWhileWantedAsync()
        {
            while (true)
            {
                try
                {
                    while (Interlocked.Exchange(ref readAgainWanted, 0) == 1) await ReadAgainOnceAsync();
                }
                finally
                {
                    Volatile.Write(ref readingAgain, 0);
                }
                // A request made after the last read began but before the flag went down started no reader: take it here.
                if (Volatile.Read(ref readAgainWanted) == 0 || Interlocked.CompareExchange(ref readingAgain, 1, 0) != 0) return;
            }
        }

        private async Task ReadAgainOnceAsync()
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
                owner.logger.LogWarning(ex, "The board snapshot of SOP {SopId} could not be read again; boards keep the previous one", sopId);
            }
        }

        // Unchanged items keep their instance, so their cards skip the re-render; nothing changed, no new snapshot.
        private async Task<BoardSnapshot> BuildAsync(BoardSnapshot? previous, CancellationToken cancellationToken)
        {
            var now = owner.Now;
            var fresh = (await owner.queries.SummariesAsync(now.AddDays(-FinishedWindowDays), sopId: sopId, cancellationToken: cancellationToken))
                .Where(OnBoard(now));
            if (previous is null)
            {
                var first = fresh.ToList();
                foreach (var item in first) owner.sopOfItem.TryAdd(item.Id, sopId);
                return await SnapshotOfAsync(first, null, cancellationToken);
            }
            var known = previous.Items.ToDictionary(i => i.Id);
            var merged = fresh.Select(i => known.TryGetValue(i.Id, out var old) && old == i ? old : i).ToList();
            var (currentSopId, _) = await owner.sops.CurrentAsync(sopId, cancellationToken);
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
            var (currentSopId, currentSop) = await owner.sops.CurrentAsync(sopId, cancellationToken);
            var versions = new Dictionary<int, SopDocument> { [currentSopId] = currentSop };
            foreach (var id in ordered.Select(i => i.SopDefinitionId).Distinct().Where(id => !versions.ContainsKey(id)))
                versions[id] = previous?.Sops.GetValueOrDefault(id) ?? await owner.sops.GetAsync(id, cancellationToken);
            return new BoardSnapshot(sopId, ordered, versions, currentSopId, Interlocked.Increment(ref owner.sequence));
        }

        public void Dispose()
        {
            rejudgeTimer?.Dispose();
            updating.Dispose();
        }
    }
}
