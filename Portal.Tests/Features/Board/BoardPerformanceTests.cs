using System.Diagnostics;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Board;

/// <summary>Benchmarks: they print their figures; they do not assert on time.</summary>
[Trait("Category", "Performance")]
public sealed class BoardPerformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int RunningInnovations = 1000;
    private readonly PortalAppFactory app = new();

    // Eight step runs each: the history of an innovation well into the SOP, as the board query meets it after a year.
    public async Task InitializeAsync() => await BulkInnovations.SeedAsync(app, RunningInnovations, app.Get<TimeProvider>().GetUtcNow(), runsPerInnovation: 8);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Board_with_500_running_innovations_renders_on_the_server()
    {
        var summaries = await app.Get<InnovationQueries>().SummariesAsync();
        var (_, sop) = await app.Get<SopCatalog>().CurrentAsync();
        var actor = BoardTestData.Fungsional(summaries[0].BidangId) with { UserId = (await app.UserAsync(DemoPeople.FungsionalPdip)).Id };
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        var renders = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var watch = Stopwatch.StartNew();
            var board = context.Render<SwimlaneBoard>(p => p
                .Add(b => b.Sop, sop).Add(b => b.CurrentSopId, 1).Add(b => b.Items, summaries)
                .Add(b => b.SopOf, _ => sop).Add(b => b.Actor, actor));
            watch.Stop();
            if (i >= 2) renders.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(board.FindAll(".board-card").Count >= RunningInnovations);
        }

        var queries = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await app.Get<InnovationQueries>().SummariesAsync();
            queries.Add(watch.Elapsed.TotalMilliseconds);
        }
        output.WriteLine($"BENCHMARK board render, {summaries.Count} cards (bUnit, 10 runs): median {Median(renders):F1} ms, max {renders.Max():F1} ms (target < 150 ms)");
        output.WriteLine($"BENCHMARK board query of {summaries.Count} summaries (SQLite): median {Median(queries):F1} ms");
    }

    private static double Median(List<double> values) => Percentile(values.Order().ToList(), 0.5);

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}

[Trait("Category", "Performance")]
[Trait("Category", "Browser")]
public sealed class BoardBrowserPerformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static long ServerMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private readonly BrowserSession session = new();

    public async Task InitializeAsync()
    {
        await session.InitializeAsync();
        if (session.BaseUrl.Length > 0) await BulkInnovations.SeedAsync(session.App, 500, session.App.Get<TimeProvider>().GetUtcNow());
    }

    public Task DisposeAsync() => session.DisposeAsync();

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task Board_with_500_running_innovations_is_usable_in_Chromium()
    {
        var page = await session.SignInAsync(DemoPeople.KabidPdip);
        var timings = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync($"{session.BaseUrl}/");
            await BrowserSession.WaitForBoardAsync(page);
            await page.Locator("[data-testid=zone-1] .board-card").First.WaitForAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        await BrowserSession.ScreenshotAsync(page, "board-500-innovations");
        output.WriteLine($"BENCHMARK board with 500+ innovations usable in Chromium (navigation to live board): {string.Join(", ", timings.Select(t => $"{t:F0} ms"))} (target < 1500 ms)");
        // Crowded cells show their 12 most urgent cards and say how many there are.
        await Assertions.Expect(page.GetByTestId("count-1")).ToContainTextAsync("dari");
        Assert.InRange(await page.Locator(".board-card").CountAsync(), 100, 11 * 12);
    }

    [SlowBenchmarkFact]
    public async Task Fifty_idle_boards_cost_memory_and_a_move_reaches_twenty_open_boards()
    {
        var page = await session.SignInAsync(DemoPeople.KabidPdip);

        // Server memory of idle open boards: 50 real circuits (browser tabs) on the same board.
        var tabs = new List<IPage>();
        var before = ServerMemory();
        for (var i = 0; i < 50; i++)
        {
            var tab = await page.Context.NewPageAsync();
            await tab.GotoAsync($"{session.BaseUrl}/");
            await BrowserSession.WaitForBoardAsync(tab);
            tabs.Add(tab);
        }
        var after = ServerMemory();
        output.WriteLine($"BENCHMARK server memory per idle open board (50 circuits, {await page.Locator(".board-card").CountAsync()} cards each): {(after - before) / 50.0 / 1024:F0} KB");

        // A move made elsewhere reaches 20 open boards (real circuits on the same event bus).
        foreach (var tab in tabs.Skip(20)) await tab.CloseAsync();
        var workflow = session.App.Get<WorkflowService>();
        var fungsional = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        var latencies = new List<double>();
        var serverLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Portal.Features.Board.BoardMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        var measuring = false;
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { if (measuring) serverLatencies.Add(value); });
        listener.Start();
        var watchers = tabs.Take(20).ToList();
        for (var round = 0; round < 5; round++)
        {
            var created = await workflow.CreateAsync(Portal.Tests.Features.Workflow.WorkflowServiceTests.Details($"Uji sebaran {round}"), fungsional);
            var id = created.InnovationId!.Value;
            await session.App.AttachAsync(id, fungsional);
            await Task.WhenAll(watchers.Select(t => t.Locator($"[data-testid=card-{id}]").WaitForAsync(new() { Timeout = 30_000 })));

            var watch = Stopwatch.StartNew();
            measuring = true;
            var moved = await workflow.MoveAsync(new MoveCommand(id, created.Version!.Value, WorkflowActionKind.Advance), fungsional);
            Assert.True(moved.Succeeded, moved.Message);
            latencies.AddRange(await Task.WhenAll(watchers.Select(async t =>
            {
                await t.Locator($"[data-testid=zone-2] [data-testid=card-{id}]").WaitForAsync(new() { Timeout = 30_000 });
                return watch.Elapsed.TotalMilliseconds;
            })));
        }
        measuring = false;
        var server = serverLatencies.Order().ToList();
        output.WriteLine($"BENCHMARK move to server re-render on 20 open boards (real circuits, {server.Count} samples, metric portal.board.move_to_render): p50 {Percentile(server, 0.5):F0} ms, p95 {Percentile(server, 0.95):F0} ms, max {server[^1]:F0} ms (target p95 < 500 ms)");
        latencies.Sort();
        output.WriteLine($"BENCHMARK move to card visible in 20 Chromium tabs on the same 2 cores ({latencies.Count} samples): p50 {Percentile(latencies, 0.5):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms (target p95 < 500 ms)");
        foreach (var tab in tabs.Take(20)) await tab.CloseAsync();
        Assert.Equal(100, latencies.Count);
    }
}
