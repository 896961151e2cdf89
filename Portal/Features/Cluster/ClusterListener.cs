using System.Threading.Channels;
using Npgsql;
using Portal.Data;
using Portal.Features.Alerts;
using Portal.Features.Workflow;

namespace Portal.Features.Cluster;

/// <summary>
/// Holds one connection to PostgreSQL that LISTENs for the other instances' changes and hands each to this instance's
/// live screens and caches, in the order they came. A lost connection is opened again after 1, 2, 4, … 30 s; once it
/// listens again, every cache and live screen reads again what it holds, since changes made meanwhile were not heard.
/// </summary>
public sealed class ClusterListener(
    ClusterConnection connection,
    PortalInstance instance,
    InnovationEvents innovations,
    NotificationEvents notifications,
    MissedChanges missed,
    IEnumerable<IInstanceCache> caches,
    TimeProvider clock,
    ILogger<ClusterListener> logger) : BackgroundService
{
    /// <summary>How long the connection may stay silent before it is asked whether it is still there.</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    // One reader, so changes reach the screens and caches in the order the other instances made them.
    private readonly Channel<Func<CancellationToken, Task>> heard =
        Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly IReadOnlyDictionary<string, IInstanceCache> cachesByName = caches.ToDictionary(cache => cache.Name);
    private volatile ListenerState state = ListenerState.Starting;

    public ListenerState State => state;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handling = HandleAsync(stoppingToken);
        await using var dataSource = connection.Open("portal-listener", pooled: false);
        var failures = 0;
        DateTimeOffset? lostAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listening = await dataSource.OpenConnectionAsync(stoppingToken);
                listening.Notification += (_, e) => heard.Writer.TryWrite(token => ApplyAsync(e.Payload, token));
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterMessage.Channel}", listening))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                state = new ListenerState(Listening: true, listening.ProcessID, LostAt: null, RetryIn: null, Failures: 0);
                if (lostAt is null) logger.LogInformation("Listening for changes made on the other portal instances");
                else logger.LogInformation("Listening again for changes made on the other portal instances (lost at {LostAt}, {Failures} failed attempts); caches and live screens read everything again",
                    lostAt, failures);
                // Also on the first start: a cache filled before this LISTEN could have missed a change.
                heard.Writer.TryWrite(CatchUpAsync);
                failures = 0;
                lostAt = null;
                while (true)
                {
                    if (await listening.WaitAsync(IdleCheck, stoppingToken)) continue;
                    await using var ping = new NpgsqlCommand("SELECT 1", listening);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                lostAt ??= clock.GetUtcNow();
                var delay = ReconnectDelay.After(failures);
                var retry = Task.Delay(delay, clock, stoppingToken);
                state = new ListenerState(Listening: false, ProcessId: null, lostAt, RetryIn: delay, failures);
                logger.LogWarning(ex, "Not listening for changes made on the other portal instances (attempt {Attempt}); trying again in {Delay}", failures, delay);
                try
                {
                    await retry;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
        heard.Writer.TryComplete();
        await handling;
    }

    private async Task HandleAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var handle in heard.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await handle(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "A change made on another portal instance could not be applied here");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(string payload, CancellationToken cancellationToken)
    {
        if (ClusterMessage.FromPayload(payload) is not { } message)
        {
            logger.LogWarning("Ignored a message on channel {Channel} that is not a portal change", ClusterMessage.Channel);
            return;
        }
        if (message.From == instance.Id) return;
        switch (message.Kind)
        {
            case ClusterMessageKind.Innovation:
                innovations.Deliver(message.Innovation!);
                break;
            case ClusterMessageKind.Notifications:
                notifications.Deliver(new NotificationsChanged(message.Recipients!.ToHashSet()));
                break;
            case ClusterMessageKind.Cache when cachesByName.TryGetValue(message.Cache!, out var cache):
                await cache.RefreshAsync(cancellationToken);
                break;
            case ClusterMessageKind.Cache:
                logger.LogWarning("Another portal instance changed the unknown cache {Cache}; reading everything again", message.Cache);
                await CatchUpAsync(cancellationToken);
                break;
            case ClusterMessageKind.Missed:
                await CatchUpAsync(cancellationToken);
                break;
        }
    }

    /// <summary>Every cache reads its rows again and every live screen what it shows.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var cache in cachesByName.Values)
        {
            try
            {
                await cache.RefreshAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The {Cache} cache could not be read again; it keeps what it had", cache.Name);
            }
        }
        missed.Publish(ChangesMissed.Now);
    }
}

/// <summary>Whether the listener hears the other instances now; if not, since when and when it tries again.</summary>
/// <param name="ProcessId">The PostgreSQL backend of the listening connection.</param>
public sealed record ListenerState(bool Listening, int? ProcessId, DateTimeOffset? LostAt, TimeSpan? RetryIn, int Failures)
{
    public static readonly ListenerState Starting = new(false, null, null, null, 0);
}
