using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
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

/// <summary>Alone, so that no other test's boards record into the board metric it reads, nor share its two cores.</summary>
[CollectionDefinition(nameof(LiveAcrossInstancesBenchmarks), DisableParallelization = true)]
public sealed class LiveAcrossInstancesBenchmarkCollection;

/// <summary>
/// Benchmark: a move saved through instance A until its card shows in its new cell on 20 boards open in Chromium on
/// instance B (PostgreSQL, LISTEN/NOTIFY), beside the same on one SQLite instance whose boards hear it in-process. Also
/// printed: when B handed the change to its boards, and the portal's own server-side figure per board
/// (<see cref="BoardMetrics.MoveToRender"/>). Both instances run on one clock. Figures are printed, never asserted.
/// </summary>
[Trait("Category", "Performance")]
[Trait("Category", "Browser")]
[Collection(nameof(LiveAcrossInstancesBenchmarks))]
public sealed class LiveAcrossInstancesBenchmarks(ITestOutputHelper output) : IRunsOnPostgreSql
{
    private const int People = 4;
    private const int TabsPerPerson = 5;
    private const int Boards = People * TabsPerPerson;
    private const int WarmUpMoves = 3;
    private const int MeasuredMoves = 30;
    /// <summary>Running items besides the moved ones: the crowded board of the speed issue (1,000 items).</summary>
    private const int OtherItems = 1000;

    // Timestamps on the epoch scale (timeOrigin + now), so that tabs of one browser can be compared.
    private const string MarksScript = """
        (() => {
          window.__marks = {}; window.__watch = [];
          const now = () => performance.timeOrigin + performance.now();
          new MutationObserver(() => {
            for (const w of window.__watch) if (!(w.name in window.__marks) && document.querySelector(w.selector)) window.__marks[w.name] = now();
          }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary>Over a minute, with 20 tabs of Chromium on two cores, so opt-in (PORTAL_BENCHMARKS=1) like the other slow benchmarks.</summary>
    [ProviderFact(SlowBenchmark = true, Tools = [ExternalTools.Chromium])]
    public async Task Move_on_one_instance_until_the_card_shows_on_20_boards_of_the_other()
    {
        var single = new OnePortal(new PortalAppFactory());
        Timings inProcess;
        try
        {
            await single.InitializeAsync();
            inProcess = await MeasureAsync(single.App, single);
        }
        finally
        {
            await single.DisposeAsync();
        }

        var clock = new RunningClock(TestInstants.OrdinaryWednesday);
        using var first = new PortalAppFactory(clock, provider: DatabaseProvider.PostgreSql);
        _ = first.Services;
        var second = new OnePortal(first.AnotherInstance(clock));
        Timings acrossInstances;
        try
        {
            await second.InitializeAsync();
            await TwoInstances.UntilAsync(() => second.App.Get<ClusterListener>().State.Listening);
            acrossInstances = await MeasureAsync(first, second);
        }
        finally
        {
            await second.DisposeAsync();
        }

        Print("PostgreSQL, move on instance A, boards on instance B (LISTEN/NOTIFY)", acrossInstances, " (target p95 < 500 ms)");
        Print("SQLite, move and boards on one instance (in-process)", inProcess, "");
    }

    private void Print(string setting, Timings figures, string target)
    {
        output.WriteLine($"BENCHMARK {setting}, {Boards} boards in Chromium, {MeasuredMoves} moves:");
        output.WriteLine($"BENCHMARK   move → card in its new cell on all {Boards} boards: {Figures.Summary(figures.AllBoards)}{target}");
        output.WriteLine($"BENCHMARK   move → card in its new cell, each board: {Figures.Summary(figures.EachBoard)}");
        output.WriteLine($"BENCHMARK   move → change handed to the boards' instance: {Figures.Summary(figures.Heard)}");
        output.WriteLine($"BENCHMARK   move → board rendered and its change sent, on the server (portal.board.move_to_render): {Figures.Summary(figures.ServerRenders)}");
    }

    /// <param name="AllBoards">Per move, until the last board showed it.</param>
    /// <param name="EachBoard">Per move and board.</param>
    /// <param name="Heard">Per move, until the instance serving the boards handed it to them.</param>
    /// <param name="ServerRenders">Per move and board, on the server.</param>
    private sealed record Timings(List<double> AllBoards, List<double> EachBoard, List<double> Heard, List<double> ServerRenders);

    private static async Task<Timings> MeasureAsync(PortalAppFactory mover, OnePortal boards)
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
        var watches = ids.Select(id => new { name = id.ToString(), selector = $"[data-testid=zone-2] [data-testid=card-{id}]" }).ToArray();

        var tabs = new List<IPage>();
        for (var person = 0; person < People; person++)
        {
            var firstTab = await boards.SignInAsync(DemoPeople.FungsionalPdip, 1920, 1080);
            await firstTab.Context.AddInitScriptAsync(MarksScript);
            for (var i = 0; i < TabsPerPerson; i++)
            {
                var tab = i == 0 ? firstTab : await firstTab.Context.NewPageAsync();
                await tab.GotoAsync($"{boards.BaseUrl}/");
                await BrowserSession.WaitForBoardAsync(tab);
                await tab.EvaluateAsync("w => { window.__marks = {}; window.__watch = w; }", watches);
                tabs.Add(tab);
            }
        }

        var serverRenders = new ConcurrentQueue<double>();
        using var metric = new MeterListener();
        metric.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BoardMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        metric.SetMeasurementEventCallback<double>((_, value, _, _) => serverRenders.Enqueue(value));
        var clock = boards.App.Get<TimeProvider>();
        var heardAt = new ConcurrentDictionary<int, double>();
        using var hearing = boards.App.Get<InnovationEvents>().Subscribe(change =>
        {
            if (change.Action == AuditActions.StepAdvanced) heardAt.TryAdd(change.InnovationId, (clock.GetUtcNow() - change.At).TotalMilliseconds);
            return Task.CompletedTask;
        });
        metric.Start();

        var startedAt = new Dictionary<int, double>();
        var measuredRenders = new List<double>();
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            long version;
            await using (var db = mover.CreateDbContext())
                version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
            var rendered = serverRenders.Count;
            startedAt[id] = await tabs[0].EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            var moved = await workflow.MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), fungsional);
            Assert.True(moved.Succeeded, moved.Message);
            foreach (var tab in tabs) await tab.WaitForFunctionAsync("name => name in window.__marks", id.ToString());
            await TwoInstances.UntilAsync(() => serverRenders.Count >= rendered + Boards && heardAt.ContainsKey(id));
            if (index >= WarmUpMoves) measuredRenders.AddRange(serverRenders.Skip(rendered).Take(Boards));
        }

        var measured = ids.Skip(WarmUpMoves).ToList();
        var lags = new Dictionary<int, List<double>>();
        foreach (var tab in tabs)
        {
            var marks = await tab.EvaluateAsync<Dictionary<string, double>>("() => window.__marks");
            foreach (var id in measured) (lags.TryGetValue(id, out var list) ? list : lags[id] = []).Add(marks[id.ToString()] - startedAt[id]);
        }
        return new Timings(measured.Select(id => lags[id].Max()).ToList(), lags.Values.SelectMany(l => l).ToList(),
            measured.Select(id => heardAt[id]).ToList(), measuredRenders);
    }

    /// <summary>Chromium against one instance on its own Kestrel port.</summary>
    private sealed class OnePortal(PortalAppFactory app) : BrowserSession(app);
}
