using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Cluster;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Cluster;

/// <summary>Alone, so that no other test's boards record into the board metric it reads.</summary>
[CollectionDefinition(nameof(LiveAcrossInstancesBenchmarks), DisableParallelization = true)]
public sealed class LiveAcrossInstancesBenchmarkCollection;

/// <summary>
/// Benchmark: a move made on instance A until its card is rendered in its new cell on 20 open boards of instance B
/// (PostgreSQL, LISTEN/NOTIFY), beside the same on one SQLite instance whose 20 boards hear it in-process. Each board is a
/// circuit of its own (a bUnit context with its own renderer) on the instance's real services; the time per board is the
/// portal's own metric (<see cref="BoardMetrics.MoveToRender"/>: from the move's instant to the board having rendered it),
/// with both instances on one clock. Figures are printed, never asserted.
/// </summary>
[Trait("Category", "Performance")]
[Collection(nameof(LiveAcrossInstancesBenchmarks))]
public sealed class LiveAcrossInstancesBenchmarks(ITestOutputHelper output) : IRunsOnPostgreSql
{
    private const int Boards = 20;
    private const int WarmUpMoves = 3;
    private const int MeasuredMoves = 30;
    /// <summary>Running items besides the moved ones, so each board renders a working office's load.</summary>
    private const int OtherItems = 200;

    [ProviderFact]
    public async Task Move_on_one_instance_until_the_card_shows_on_20_boards_of_the_other()
    {
        using var sqlite = new PortalAppFactory();
        var inProcess = await MeasureAsync(sqlite, sqlite);

        var clock = new RunningClock(TestInstants.OrdinaryWednesday);
        using var first = new PortalAppFactory(clock, provider: DatabaseProvider.PostgreSql);
        _ = first.Services;
        using (var second = first.AnotherInstance(clock))
        {
            await TwoInstances.UntilAsync(() => second.Get<ClusterListener>().State.Listening);
            var acrossInstances = await MeasureAsync(first, second);
            Print("PostgreSQL, move on instance A, boards on instance B (LISTEN/NOTIFY)", acrossInstances, target: " (target p95 < 500 ms)");
        }
        Print("SQLite, move and boards on one instance (in-process)", inProcess, target: "");
    }

    private void Print(string setting, Timings figures, string target)
    {
        output.WriteLine($"BENCHMARK move → card rendered on all {Boards} boards, {setting}: {Figures.Summary(figures.AllBoards)}{target}");
        output.WriteLine($"BENCHMARK move → card rendered on one board, {setting}: {Figures.Summary(figures.EachBoard)}");
        output.WriteLine($"BENCHMARK move → change heard by the boards' instance, {setting}: {Figures.Summary(figures.Heard)}");
    }

    /// <param name="AllBoards">Per move, until the last of the boards rendered it.</param>
    /// <param name="EachBoard">Per move and board.</param>
    /// <param name="Heard">Per move, until the instance showing the boards handed it to them.</param>
    private sealed record Timings(List<double> AllBoards, List<double> EachBoard, List<double> Heard);

    private static async Task<Timings> MeasureAsync(PortalAppFactory mover, PortalAppFactory viewer)
    {
        var fungsional = await mover.IdAsync(DemoPeople.FungsionalPdip);
        await BulkInnovations.SeedAsync(mover, OtherItems, mover.Get<TimeProvider>().GetUtcNow(), atStep: 3);
        var workflow = mover.Get<WorkflowService>();
        var ids = new List<int>();
        for (var i = 0; i < WarmUpMoves + MeasuredMoves; i++)
        {
            var created = await workflow.CreateAsync(WorkflowServiceTests.Details($"Uji siaran {i:D2}"), fungsional);
            ids.Add(created.InnovationId!.Value);
            await mover.AttachAsync(ids[^1], fungsional);
        }

        var person = await viewer.UserAsync(DemoPeople.FungsionalPdip);
        var circuits = new List<BunitContext>();
        var renders = new ConcurrentQueue<double>();
        using var metric = new MeterListener();
        metric.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BoardMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        metric.SetMeasurementEventCallback<double>((_, value, _, _) => renders.Enqueue(value));
        var clock = viewer.Get<TimeProvider>();
        var heardAt = new ConcurrentDictionary<int, double>();
        using var hearing = viewer.Get<InnovationEvents>().Subscribe(change =>
        {
            if (change.Action == AuditActions.StepAdvanced) heardAt.TryAdd(change.InnovationId, (clock.GetUtcNow() - change.At).TotalMilliseconds);
            return Task.CompletedTask;
        });
        try
        {
            var boards = new List<IRenderedComponent<BoardPage>>();
            for (var i = 0; i < Boards; i++)
            {
                var circuit = new BunitContext();
                circuits.Add(circuit);
                circuit.UseServicesOf(viewer);
                circuit.SignIn(person);
                var board = circuit.Render<BoardPage>();
                board.WaitForElement("[data-testid=zone-1]");
                boards.Add(board);
            }
            metric.Start();

            var allBoards = new List<double>();
            var eachBoard = new List<double>();
            var heard = new List<double>();
            foreach (var (id, index) in ids.Select((id, index) => (id, index)))
            {
                var rendered = renders.Count;
                long version;
                await using (var db = mover.CreateDbContext())
                    version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
                var moved = await workflow.MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), fungsional);
                Assert.True(moved.Succeeded, moved.Message);
                // Each board records the move once, right after rendering it.
                await TwoInstances.UntilAsync(() => renders.Count >= rendered + Boards && heardAt.ContainsKey(id));
                if (index < WarmUpMoves) continue;
                var times = renders.Skip(rendered).Take(Boards).ToList();
                allBoards.Add(times.Max());
                eachBoard.AddRange(times);
                heard.Add(heardAt[id]);
            }
            // What the metric timed is what the boards show.
            foreach (var board in boards) board.WaitForElement($"[data-testid=zone-2] [data-testid=card-{ids[^1]}]");
            return new Timings(allBoards, eachBoard, heard);
        }
        finally
        {
            foreach (var circuit in circuits) await circuit.DisposeAsync();
        }
    }
}
