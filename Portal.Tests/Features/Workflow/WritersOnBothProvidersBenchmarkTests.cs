using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Workflow;

/// <summary>
/// Benchmark: 16 people saving moves of their own items at the same moment, on SQLite and on PostgreSQL in the same run,
/// and on PostgreSQL at several widths of the write gate (Database:ConcurrentWrites: how many writes one instance lets
/// through at once). Prints each round's latency percentiles per move and the audited moves per second; asserts only
/// that every move was stored with its audit row.
/// </summary>
[Trait("Category", "Performance")]
public sealed class WritersOnBothProvidersBenchmarkTests(ITestOutputHelper output)
{
    private const int Writers = 16;
    private const int InnovationsPerRound = 240;
    private const int Rounds = 3;
    private static readonly int[] GateWidths = [1, 2, 4, 8, 16, 32];

    [SlowPostgreSqlBenchmarkFact]
    public async Task Sixteen_writers_on_SQLite_and_on_PostgreSQL_at_several_write_gate_widths()
    {
        output.WriteLine($"load average at start: {LoadAverage()}");
        await using (var sqlite = new PortalAppFactory())
            await MeasureAsync(sqlite, $"SQLite (ConcurrentWrites {new DatabaseOptions().EffectiveConcurrentWrites})");

        // One database for every width: the first instance creates and seeds it, the others are started on it one by one.
        await using var postgreSql = new PortalAppFactory(provider: DatabaseProvider.PostgreSql);
        var results = new List<(int Width, double MedianMovesPerSecond)>();
        foreach (var width in GateWidths)
        {
            var settings = postgreSql.SecondInstanceSettings();
            settings["Database:ConcurrentWrites"] = width.ToString();
            await using var instance = new PortalAppFactory(settings: settings);
            results.Add((width, await MeasureAsync(instance, $"PostgreSQL (ConcurrentWrites {width})")));
        }
        var best = results.MaxBy(r => r.MedianMovesPerSecond);
        output.WriteLine($"BENCHMARK best write gate width on PostgreSQL at {Writers} writers: {best.Width} ({best.MedianMovesPerSecond:F0} moves/s, median of {Rounds} rounds)"
            + $"; default {new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }.EffectiveConcurrentWrites}");
        output.WriteLine($"load average at end: {LoadAverage()}");
    }

    /// <summary>Warms up, runs the rounds, prints them; returns the median round's moves per second.</summary>
    private async Task<double> MeasureAsync(PortalAppFactory app, string label)
    {
        var moves = await ConcurrentMoves.ForAsync(app);
        output.WriteLine($"{label}: {await moves.WarmUpAsync()}");
        var rounds = new List<ConcurrentMoves.Round>();
        for (var i = 0; i < Rounds; i++)
        {
            var round = await moves.RunRoundAsync(Writers, InnovationsPerRound);
            rounds.Add(round);
            output.WriteLine($"BENCHMARK {Writers} writers on {label}, round {i + 1}: {round.Figures()}");
        }
        var all = new ConcurrentMoves.Round([.. rounds.SelectMany(r => r.Latencies)], TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)));
        output.WriteLine($"BENCHMARK {Writers} writers on {label}, all {Rounds} rounds: {all.Figures()} (target: p99 < 100 ms, max < 250 ms, >= 200 moves/s)");
        return rounds.Select(r => r.MovesPerSecond).Order().ElementAt(Rounds / 2);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
