using System.Threading.Channels;
using Npgsql;
using Portal.Data;
using Portal.Features.Alerts;
using Portal.Features.Workflow;

namespace Portal.Features.Cluster;

/// <summary>
/// Tells the portal's other instances, through PostgreSQL's NOTIFY, of every change this instance publishes to its own
/// live screens (items, notifications) and of every change to the rows it caches (settings, office profile, holidays).
/// The changes are published after their commit, so the NOTIFY follows the commit; they queue here and leave in batches on
/// a connection of the relay's own, so a writer never waits for the other instances. When PostgreSQL refuses, the relay
/// waits (1, 2, 4, … 30 s) and then tells the others to read everything again, since what was queued meanwhile is lost.
/// </summary>
public sealed class ClusterRelay : BackgroundService
{
    private const int MessagesPerBatch = 200;
    private static readonly TimeSpan FlushOnStop = TimeSpan.FromSeconds(5);

    private readonly Channel<ClusterMessage> outbox = Channel.CreateUnbounded<ClusterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ClusterConnection connection;
    private readonly TimeProvider clock;
    private readonly ILogger<ClusterRelay> logger;
    private readonly InnovationEvents innovations;
    private readonly NotificationEvents notifications;
    private readonly IReadOnlyList<(IInstanceCache Cache, Action Handler)> caches;
    private long sent;
    private long refused;

    public ClusterRelay(ClusterConnection connection, PortalInstance instance, InnovationEvents innovations, NotificationEvents notifications,
        IEnumerable<IInstanceCache> caches, TimeProvider clock, ILogger<ClusterRelay> logger)
    {
        this.connection = connection;
        this.clock = clock;
        this.logger = logger;
        this.innovations = innovations;
        this.notifications = notifications;
        InstanceId = instance.Id;
        innovations.PublishedHere += OnInnovationChanged;
        notifications.PublishedHere += OnNotificationsChanged;
        this.caches = [.. caches.Select(cache => (cache, (Action)(() => Send(new ClusterMessage(InstanceId, ClusterMessageKind.Cache, Cache: cache.Name)))))];
        foreach (var (cache, handler) in this.caches) cache.ChangedHere += handler;
    }

    public Guid InstanceId { get; }

    /// <summary>Messages PostgreSQL has taken so far (each reaches every instance listening then).</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Batches PostgreSQL refused so far (each made the other instances read everything again).</summary>
    public long Refused => Interlocked.Read(ref refused);

    private void OnInnovationChanged(InnovationChanged change) => Send(new ClusterMessage(InstanceId, ClusterMessageKind.Innovation, Innovation: change));

    private void OnNotificationsChanged(NotificationsChanged change)
    {
        foreach (var recipients in change.RecipientIds.Order(StringComparer.Ordinal).Chunk(ClusterMessage.RecipientsPerMessage))
            Send(new ClusterMessage(InstanceId, ClusterMessageKind.Notifications, Recipients: recipients));
    }

    private void Send(ClusterMessage message) => outbox.Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var dataSource = connection.Open("portal-relay", pooled: true);
        var failures = 0;
        try
        {
            while (true)
            {
                IReadOnlyList<ClusterMessage> batch;
                if (failures > 0)
                {
                    // What was refused, and what queued meanwhile, is replaced by one request to read everything again.
                    DiscardQueued();
                    batch = [ClusterMessage.Missed(InstanceId)];
                }
                else batch = await NextBatchAsync(stoppingToken);
                try
                {
                    await NotifyAsync(dataSource, batch, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    Interlocked.Increment(ref refused);
                    var delay = ReconnectDelay.After(failures);
                    logger.LogWarning(ex, "Could not tell the other portal instances of {Count} changes (attempt {Attempt}); trying again in {Delay}, and then they read everything again",
                        batch.Count, failures, delay);
                    await Task.Delay(delay, clock, stoppingToken);
                    continue;
                }
                if (failures > 0) logger.LogInformation("The other portal instances hear this one's changes again after {Failures} failed attempts; they read everything again", failures);
                failures = 0;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(dataSource, owesMissed: failures > 0);
        }
    }

    private async Task<IReadOnlyList<ClusterMessage>> NextBatchAsync(CancellationToken cancellationToken)
    {
        var first = await outbox.Reader.ReadAsync(cancellationToken);
        var batch = new List<ClusterMessage> { first };
        while (batch.Count < MessagesPerBatch && outbox.Reader.TryRead(out var next)) batch.Add(next);
        return batch;
    }

    private void DiscardQueued()
    {
        while (outbox.Reader.TryRead(out _)) { }
    }

    private async Task NotifyAsync(NpgsqlDataSource dataSource, IReadOnlyList<ClusterMessage> batch, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, payload) FROM unnest(@payloads) AS payload");
        command.Parameters.AddWithValue("channel", ClusterMessage.Channel);
        command.Parameters.AddWithValue("payloads", batch.Select(m => m.ToPayload()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        Interlocked.Add(ref sent, batch.Count);
    }

    // Changes published while the portal stops still reach the others, if PostgreSQL answers within a few seconds.
    private async Task FlushAsync(NpgsqlDataSource dataSource, bool owesMissed)
    {
        var rest = new List<ClusterMessage>();
        while (outbox.Reader.TryRead(out var message)) rest.Add(message);
        if (owesMissed) rest = [ClusterMessage.Missed(InstanceId)];
        if (rest.Count == 0) return;
        using var timeout = new CancellationTokenSource(FlushOnStop, clock);
        try
        {
            foreach (var batch in rest.Chunk(MessagesPerBatch)) await NotifyAsync(dataSource, batch, timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not tell the other portal instances of {Count} changes made while stopping; they see them at their next full read", rest.Count);
        }
    }

    public override void Dispose()
    {
        innovations.PublishedHere -= OnInnovationChanged;
        notifications.PublishedHere -= OnNotificationsChanged;
        foreach (var (cache, handler) in caches) cache.ChangedHere -= handler;
        base.Dispose();
    }
}
