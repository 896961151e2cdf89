using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Workflow;

/// <summary>
/// Benchmark: 1, 4, 8 and 16 people saving moves at the same moment on the real portal and its SQLite file.
/// It prints every MoveAsync call's latency percentiles and the audited moves per second; it asserts only that
/// every move was stored with its audit row, never the time.
/// </summary>
[Trait("Category", "Performance")]
public sealed class ConcurrentWriterBenchmarkTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Divisible by every writer count, so each writer moves the same number of its own innovations.</summary>
    private const int InnovationsPerRound = 240;

    private readonly PortalAppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Concurrent_writers_each_moving_their_own_innovations_all_succeed_with_one_audit_row_per_move()
    {
        var moves = await ConcurrentMoves.ForAsync(app);
        output.WriteLine(await moves.WarmUpAsync());

        foreach (var writers in new[] { 1, 4, 8, 16 })
        {
            var round = await moves.RunRoundAsync(writers, InnovationsPerRound);
            output.WriteLine($"BENCHMARK concurrent writers {writers}: {round.Figures()} (target 16: p99 < 100 ms, max < 250 ms, >= 200 moves/s)");
        }
    }
}
