using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Workflow;

/// <summary>
/// Benchmark: 16 people saving moves of their own items at the same moment, on SQLite and on PostgreSQL in the same run,
/// and on PostgreSQL at several widths of the write gate (Database:ConcurrentWrites: how many writes one instance lets
/// through at once). The rounds take turns between the set-ups, so a machine that gets busier or quieter meanwhile weighs
/// on all of them alike. Prints the latency percentiles per move and the audited moves per second of each set-up; asserts
/// only that every move was stored with its audit row.
/// </summary>
[Trait("Category", "Performance")]
public sealed class WritersOnBothProvidersBenchmarkTests(ITestOutputHelper output)
{
    private const int Writers = 16;
    private const int InnovationsPerRound = 240;
    private const int Rounds = 5;
    private static readonly int[] GateWidths = [1, 2, 4, 8, 16, 32];

    /// <summary>The job server stays off: only the moves are measured.</summary>
    private static readonly Dictionary<string, string?> Quiet = new() { ["Alerts:RunServer"] = "false" };

    [SlowPostgreSqlBenchmarkFact]
    public async Task Sixteen_writers_on_SQLite_and_on_PostgreSQL_at_several_write_gate_widths()
    {
        output.WriteLine($"load average at start: {LoadAverage()}");
        await using var sqlite = new PortalAppFactory(settings: Quiet);
        // One database for every width: the first instance creates and seeds it, one instance per width runs on it.
        await using var postgreSql = new PortalAppFactory(settings: Quiet, provider: DatabaseProvider.PostgreSql);
        var instances = new List<PortalAppFactory>();
        try
        {
            var setUps = new List<(string Label, int Width, ConcurrentMoves Moves)>
            {
                ($"SQLite (ConcurrentWrites {new DatabaseOptions().EffectiveConcurrentWrites})", 0, await ConcurrentMoves.ForAsync(sqlite)),
            };
            foreach (var width in GateWidths)
            {
                var settings = new Dictionary<string, string?>(Quiet);
                foreach (var (key, value) in postgreSql.SecondInstanceSettings()) settings[key] = value;
                settings["Database:ConcurrentWrites"] = width.ToString();
                var instance = new PortalAppFactory(settings: settings);
                instances.Add(instance);
                setUps.Add(($"PostgreSQL (ConcurrentWrites {width})", width, await ConcurrentMoves.ForAsync(instance)));
            }
            foreach (var (label, _, moves) in setUps) output.WriteLine($"{label}: {await moves.WarmUpAsync()}");

            var rounds = setUps.ToDictionary(s => s.Label, _ => new List<ConcurrentMoves.Round>());
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var (label, _, moves) in setUps) rounds[label].Add(await moves.RunRoundAsync(Writers, InnovationsPerRound));
            }

            foreach (var (label, _, _) in setUps)
            {
                var all = new ConcurrentMoves.Round([.. rounds[label].SelectMany(r => r.Latencies)], TimeSpan.FromTicks(rounds[label].Sum(r => r.Elapsed.Ticks)));
                output.WriteLine($"BENCHMARK {Writers} writers on {label}, {Rounds} rounds: {all.Figures()}; rounds "
                    + string.Join(" / ", rounds[label].Select(r => r.MovesPerSecond.ToString("F0"))) + " moves/s (target: p99 < 100 ms, max < 250 ms, >= 200 moves/s)");
            }
            var best = setUps.Where(s => s.Width > 0).MaxBy(s => Median(rounds[s.Label].Select(r => r.MovesPerSecond)));
            output.WriteLine($"BENCHMARK best write gate width on PostgreSQL at {Writers} writers: {best.Width} "
                + $"({Median(rounds[best.Label].Select(r => r.MovesPerSecond)):F0} moves/s, median round); "
                + $"default {new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }.EffectiveConcurrentWrites}");
            output.WriteLine($"load average at end: {LoadAverage()}");
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    private static double Median(IEnumerable<double> values) => values.Order().ElementAt(Rounds / 2);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
