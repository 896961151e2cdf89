namespace Portal.Features.Operations.Health;

/// <summary>When this host started (on the portal clock): checks give a freshly started portal time to catch up.</summary>
public sealed class PortalStart(TimeProvider clock) : IHostedService
{
    private DateTimeOffset? startedAt;

    public DateTimeOffset At => startedAt ?? clock.GetUtcNow();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        startedAt = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
