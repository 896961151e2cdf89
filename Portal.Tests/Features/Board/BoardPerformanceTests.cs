using System.Diagnostics;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Innovations;
using Portal.Features.Office;
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
    public async Task Board_with_1000_running_innovations_renders_on_the_server()
    {
        var summaries = await app.Get<InnovationQueries>().SummariesAsync();
        var (_, sop) = await app.Get<SopCatalog>().CurrentAsync();
        var actor = BoardTestData.Fungsional(summaries[0].BidangId) with { UserId = (await app.UserAsync(DemoPeople.FungsionalPdip)).Id };
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(app.Get<OfficeTime>());

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
        output.WriteLine($"BENCHMARK board render, {summaries.Count} cards (bUnit, 10 runs): median {Figures.Percentile(renders, 0.5):F1} ms, max {renders.Max():F1} ms (target < 150 ms)");
        output.WriteLine($"BENCHMARK board query of {summaries.Count} summaries (SQLite): median {Figures.Percentile(queries, 0.5):F1} ms");
    }
}
