using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Features.Cluster;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Cluster;

/// <summary>
/// Two instances of the portal on one PostgreSQL database, as two servers behind a load balancer: A creates the database,
/// B starts on it with a clock that stands still unless a test moves it (so its boards' minute re-read never hides a
/// change it did not hear). Both start on first use: without a PostgreSQL server the tests using them are skipped.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private PortalAppFactory? a;
    private PortalAppFactory? b;

    public FakeTimeProvider ClockOfB { get; } = new(TestInstants.OrdinaryWednesday);

    public PortalAppFactory A => a ??= new PortalAppFactory(provider: DatabaseProvider.PostgreSql);

    public PortalAppFactory B
    {
        get
        {
            if (b is not null) return b;
            _ = A.Services; // A migrates and seeds the database first
            b = A.AnotherInstance(ClockOfB);
            _ = b.Services;
            return b;
        }
    }

    /// <summary>Until B hears A's changes (its listener opens its connection as the host starts).</summary>
    public Task BListensAsync()
    {
        // Both hosts start before the wait begins: their start (migrating, seeding) is not what is waited for.
        var listener = B.Get<ClusterListener>();
        return UntilAsync(() => listener.State.Listening);
    }

    public static async Task UntilAsync(Func<bool> condition) => await UntilAsync(() => Task.FromResult(condition()));

    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience) throw new TimeoutException($"Condition not met after {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        // B first: A drops the database.
        b?.Dispose();
        a?.Dispose();
    }
}
