using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Workflow;

/// <summary>
/// People saving moves at the same moment on a real portal, for the writer benchmarks: each writer verifies, verifies and
/// approves its own items (steps 3 → 6) through <see cref="WorkflowService.MoveAsync"/>. A round asserts that every move
/// was stored with its audit row, never the time.
/// </summary>
public sealed class ConcurrentMoves
{
    /// <summary>From the SOP reading: step 3 is verified by the Kepala Bidang, step 4 verified and step 5 approved by the Kepala Dinas; none needs an uploaded output.</summary>
    private const int FirstVerifyStep = 3;
    private const int StepAfterApproval = 6;

    private const int WarmUpInnovationsPerRound = 48;
    private const int MaxWarmUpRounds = 15;
    private const int SettledJitMethods = 10;

    private readonly PortalAppFactory app;
    private readonly (string UserId, WorkflowActionKind Action)[] movesPerInnovation;

    private ConcurrentMoves(PortalAppFactory app, (string, WorkflowActionKind)[] movesPerInnovation) =>
        (this.app, this.movesPerInnovation) = (app, movesPerInnovation);

    public static async Task<ConcurrentMoves> ForAsync(PortalAppFactory app)
    {
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);
        return new ConcurrentMoves(app, [(kabid, WorkflowActionKind.Advance), (kadis, WorkflowActionKind.Advance), (kadis, WorkflowActionKind.Approve)]);
    }

    public sealed record Round(IReadOnlyList<double> Latencies, TimeSpan Elapsed)
    {
        public double MovesPerSecond => Latencies.Count / Elapsed.TotalSeconds;

        public string Figures()
        {
            var sorted = Latencies.Order().ToList();
            return $"p50 {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, "
                + $"max {sorted[^1]:F1} ms, {MovesPerSecond:F0} moves/s";
        }

        private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>
    /// Moves at 16 writers until the JIT has settled (a round compiles fewer than <see cref="SettledJitMethods"/> methods):
    /// a portal that has run for a while runs optimised code, and for its first ~2,000 moves (longer on a busy machine) the figures would measure
    /// the JIT (several ms of CPU per move) rather than the writes. Returns a line for the test output.
    /// </summary>
    public async Task<string> WarmUpAsync()
    {
        var moves = 0;
        for (var round = 1; ; round++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            moves += (await RunRoundAsync(writers: 16, innovations: WarmUpInnovationsPerRound)).Latencies.Count;
            var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
            if (compiled < SettledJitMethods || round == MaxWarmUpRounds)
                return $"warm-up: {moves} moves at 16 writers ({compiled} methods compiled in the last round)";
        }
    }

    /// <param name="innovations">Divisible by <paramref name="writers"/>: each writer moves the same number of its own items.</param>
    public async Task<Round> RunRoundAsync(int writers, int innovations)
    {
        await BulkInnovations.SeedAsync(app, innovations, app.Get<TimeProvider>().GetUtcNow(), atStep: FirstVerifyStep);
        List<int> ids;
        await using (var db = app.CreateDbContext())
        {
            ids = await db.Innovations
                .Where(i => i.CurrentStep == FirstVerifyStep && i.Title.StartsWith("Inovasi uji beban"))
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        }
        Assert.Equal(innovations, ids.Count);

        var workflow = app.Get<WorkflowService>();
        var failures = new ConcurrentQueue<string>();
        var latencies = new ConcurrentQueue<double>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var perWriter = innovations / writers;
        var writerTasks = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            foreach (var id in ids.Skip(writer * perWriter).Take(perWriter))
            {
                var version = 1L;
                foreach (var (userId, action) in movesPerInnovation)
                {
                    var started = Stopwatch.GetTimestamp();
                    var result = await workflow.MoveAsync(new MoveCommand(id, version, action), userId);
                    latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!result.Succeeded)
                    {
                        failures.Enqueue($"innovation {id}, {action}: {result.Message}");
                        break;
                    }
                    version = result.Version!.Value;
                }
            }
        })).ToList();

        var watch = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(writerTasks);
        watch.Stop();

        Assert.Empty(failures);
        await using (var db = app.CreateDbContext())
        {
            var moved = await db.Innovations.Where(i => ids.Contains(i.Id)).Select(i => new { i.CurrentStep, i.Version }).ToListAsync();
            Assert.All(moved, i => Assert.Equal((StepAfterApproval, 1L + movesPerInnovation.Length), (i.CurrentStep, i.Version)));
            var auditRows = await db.AuditEntries.CountAsync(a => a.InnovationId != null && ids.Contains(a.InnovationId.Value)
                && (a.Action == AuditActions.StepVerified || a.Action == AuditActions.StepApproved));
            Assert.Equal(innovations * movesPerInnovation.Length, auditRows);
            Assert.Equal(innovations * (movesPerInnovation.Length + 1), await db.StepRuns.CountAsync(r => ids.Contains(r.InnovationId)));
        }
        return new Round(latencies.ToList(), watch.Elapsed);
    }
}
