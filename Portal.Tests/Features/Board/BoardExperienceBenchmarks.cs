using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Board;

/// <summary>
/// What a person waits for on a crowded board, measured in Chromium the way the issue's Kanboard comparison was:
/// full page loads, in-app navigation, real drags with a second person's board open. Figures are printed, never asserted.
/// </summary>
[Trait("Category", "Performance")]
[Trait("Category", "Browser")]
public sealed class BoardExperienceBenchmarks(ITestOutputHelper output)
{
    private const int FullLoads = 15;
    private const int Navigations = 10;
    private const int Drags = 12;
    private const int RefusedDrags = 4;
    private const int IdleBoards = 20;

    // Timestamps on the epoch scale (timeOrigin + now), so that two pages of the same browser can be compared.
    private const string MarksScript = """
        (() => {
          window.__marks = {}; window.__watch = [];
          const now = () => performance.timeOrigin + performance.now();
          document.addEventListener('drop', () => { window.__marks.drop ??= now(); }, true);
          document.addEventListener('dragend', () => { window.__marks.dragend ??= now(); }, true);
          document.addEventListener('click', e => { if (e.target.closest?.('[data-testid=move-confirm]')) window.__marks.confirm ??= now(); }, true);
          new MutationObserver(() => {
            for (const w of window.__watch) if (!(w.name in window.__marks) && document.querySelector(w.selector)) window.__marks[w.name] = now();
          }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary>
    /// Over a minute (76 s quiet, 100-110 s in CI), so opt-in (PORTAL_BENCHMARKS=1) as the issue asks of benchmarks that
    /// long. The board's drags, live updates and refusals stay in the default suite through the board browser tests.
    /// </summary>
    [SlowBenchmarkFact]
    public Task Board_with_500_running_innovations() => MeasureAsync(500);

    /// <summary>Over a minute, so opt-in (PORTAL_BENCHMARKS=1) like the hundred boards.</summary>
    [SlowBenchmarkFact]
    public Task Board_with_1000_running_innovations() => MeasureAsync(1000);

    private async Task MeasureAsync(int running)
    {
        var session = new BrowserSession();
        await session.InitializeAsync();
        try
        {
            var app = session.App;
            await BulkInnovations.SeedAsync(app, running, app.Get<TimeProvider>().GetUtcNow());
            var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
            await using (var db = app.CreateDbContext())
            {
                var firstStep = await db.Innovations.Where(i => i.CurrentStep == 1 && i.Status == InnovationStatus.Berjalan && i.ProposerId == fungsional)
                    .Select(i => i.Id).ToListAsync();
                foreach (var id in firstStep) await app.AttachAsync(id, fungsional);
            }

            var page = await session.SignInAsync(DemoPeople.FungsionalPdip, 1920, 1080);
            await page.Context.AddInitScriptAsync(MarksScript);
            var other = await session.SignInAsync(DemoPeople.KabidPdip, 1920, 1080);
            await other.Context.AddInitScriptAsync(MarksScript);
            await other.GotoAsync($"{session.BaseUrl}/");
            await BrowserSession.WaitForBoardAsync(other);

            var loads = new List<double>();
            List<double> toRefusal = [], toDialog = [], toOwnBoard = [], toOtherBoard = [];
            var htmlReceived = new List<double>();
            for (var i = 0; i < FullLoads + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync($"{session.BaseUrl}/");
                await BrowserSession.WaitForBoardAsync(page);
                watch.Stop();
                if (i == 0) continue; // the first load warms the server's caches and the browser's
                loads.Add(watch.Elapsed.TotalMilliseconds);
                htmlReceived.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseEnd"));
            }
            var cards = await page.Locator(".board-card").CountAsync();

            var navigations = new List<double>();
            for (var i = 0; i < Navigations; i++)
            {
                await BrowserSession.FollowMenuLinkAsync(page, "/sop");
                await page.Locator(".swimlane-scroll").WaitForAsync(new() { State = WaitForSelectorState.Detached });
                // The menu is open (the pointer is on it), as a person's is when they click.
                var toBoard = page.Locator(".mud-drawer a.mud-nav-link[href='/']");
                await toBoard.HoverAsync();
                var watch = Stopwatch.StartNew();
                await toBoard.ClickAsync();
                await BrowserSession.WaitForBoardAsync(page);
                navigations.Add(watch.Elapsed.TotalMilliseconds);
            }

            // Finding one innovation among all: typing its title into the search box (the box waits 60 ms for more
            // typing), and a crowded cell's "tampilkan semua".
            var searches = new List<double>();
            for (var i = 0; i < 8; i++)
            {
                var title = $"Inovasi uji beban {(i * 97 + 13) % running:D5}";
                var watch = Stopwatch.StartNew();
                await page.GetByLabel("Cari judul").FillAsync(title);
                await page.WaitForFunctionAsync("t => { const c = document.querySelectorAll('.board-card'); return c.length === 1 && c[0].textContent.includes(t); }", title);
                searches.Add(watch.Elapsed.TotalMilliseconds);
                await page.GotoAsync($"{session.BaseUrl}/");
                await BrowserSession.WaitForBoardAsync(page);
            }
            var showAll = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var total = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.GetByTestId("count-1").InnerTextAsync(), @"dari (\d+)").Groups[1].Value);
                var watch = Stopwatch.StartNew();
                await page.GetByTestId("show-all-1").ClickAsync();
                await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=zone-1] .board-card').length === n", total);
                showAll.Add(watch.Elapsed.TotalMilliseconds);
                await page.GotoAsync($"{session.BaseUrl}/");
                await BrowserSession.WaitForBoardAsync(page);
            }

            for (var i = 0; i < RefusedDrags; i++)
            {
                var card = page.Locator("[data-testid=zone-1] .board-card.card-actionable").Nth(i);
                await Watch(page, ("refusal", ".mud-snackbar"));
                await card.DragToAsync(page.Locator("[data-testid=zone-3]"));
                await page.Locator(".mud-snackbar").First.WaitForAsync();
                var own = await Marks(page);
                toRefusal.Add(own["refusal"] - own["drop"]);
                // Closed, so that the next refusal is a new message.
                await page.Locator(".mud-snackbar button").Last.ClickAsync();
                await page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            }

            for (var i = 0; i < Drags; i++)
            {
                var card = page.Locator("[data-testid=zone-1] .board-card.card-actionable").First;
                var id = (await card.GetAttributeAsync("data-testid"))!["card-".Length..];
                var moved = $"[data-testid=zone-2] [data-testid=card-{id}]";
                await Watch(page, ("dialog", "[data-testid=move-dialog]"), ("moved", moved));
                await Watch(other, ("moved", moved));
                await card.DragToAsync(page.Locator("[data-testid=zone-2]"));
                await page.GetByTestId("move-dialog").WaitForAsync();
                // A person clicks once the drag is over (the button released); if the drag never ends, this says so.
                await WaitForDragEndAsync(page);
                await page.GetByTestId("move-confirm").ClickAsync();
                await WaitForMoveShownAsync(page, moved);
                await other.Locator(moved).WaitForAsync();
                await page.GetByTestId("move-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
                var own = await Marks(page);
                var theirs = await Marks(other);
                toDialog.Add(own["dialog"] - own["drop"]);
                toOwnBoard.Add(own["moved"] - own["confirm"]);
                toOtherBoard.Add(theirs["moved"] - own["confirm"]);
            }

            // Server memory held by idle open boards: more tabs on the same board, nothing moving.
            var before = ServerMemory();
            var tabs = new List<IPage>();
            for (var i = 0; i < IdleBoards; i++)
            {
                var tab = await page.Context.NewPageAsync();
                await tab.GotoAsync($"{session.BaseUrl}/");
                await BrowserSession.WaitForBoardAsync(tab);
                tabs.Add(tab);
            }
            var perBoard = (ServerMemory() - before) / (double)IdleBoards;
            foreach (var tab in tabs) await tab.CloseAsync();
            // For comparison, what any page of the portal costs (circuit, layout, menu, bell): the SOP page.
            tabs.Clear();
            before = ServerMemory();
            for (var i = 0; i < IdleBoards; i++)
            {
                var tab = await page.Context.NewPageAsync();
                await tab.GotoAsync($"{session.BaseUrl}/sop");
                await BrowserSession.WaitForInteractiveAsync(tab);
                tabs.Add(tab);
            }
            var perPage = (ServerMemory() - before) / (double)IdleBoards;
            foreach (var tab in tabs) await tab.CloseAsync();

            output.WriteLine($"BENCHMARK board, {running} running innovations ({cards} cards on the page), min / median / p95:");
            output.WriteLine($"BENCHMARK   full page load -> board live ({FullLoads} loads): {Figures.Summary(loads)} (target median < 1000, p95 < 1500)");
            output.WriteLine($"BENCHMARK     of which prerendered HTML received: {Figures.Summary(htmlReceived)}");
            output.WriteLine($"BENCHMARK     each load in order (an outlier's place tells warm-up from a periodic cause): {string.Join(", ", loads.Select(l => l.ToString("F0")))}");
            output.WriteLine($"BENCHMARK   in-app navigation -> board live ({Navigations}): {Figures.Summary(navigations)} (target < 400)");
            output.WriteLine($"BENCHMARK   search box: title typed -> only that card shown: {Figures.Summary(searches)} (target < 200, 60 of it the typing pause)");
            output.WriteLine($"BENCHMARK   'tampilkan semua' on step 1 -> all its cards shown: {Figures.Summary(showAll)}");
            output.WriteLine($"BENCHMARK   drop -> confirm dialog shown ({Drags} drags): {Figures.Summary(toDialog)} (target p95 < 150)");
            output.WriteLine($"BENCHMARK   drop -> refusal shown ({RefusedDrags} illegal drops): {Figures.Summary(toRefusal)} (target p95 < 150)");
            output.WriteLine($"BENCHMARK   confirm -> card in new cell, own board: {Figures.Summary(toOwnBoard)} (target p95 < 250)");
            output.WriteLine($"BENCHMARK   confirm -> card in new cell, another person's board: {Figures.Summary(toOtherBoard)} (target p95 < 500)");
            output.WriteLine($"BENCHMARK   server memory per idle open board ({IdleBoards} more tabs): {perBoard / 1024:F0} KB (target < 1024 KB); an idle SOP page, for comparison: {perPage / 1024:F0} KB");
            Assert.Equal(Drags, toOwnBoard.Count);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    // A few times in CI (500 and 1,000 items, busy machine) a confirmed drag's card did not show in its new cell within
    // 15 s, once with the dialog still open and no message. Updates reaching a board out of order (fixed: a late, older
    // snapshot no longer replaces a newer one) explain a card not shown, not a dialog left open. Say what the page showed.
    private static async Task WaitForMoveShownAsync(IPage page, string moved)
    {
        try
        {
            await page.Locator(moved).WaitForAsync();
        }
        catch (TimeoutException)
        {
            var dialogOpen = await page.GetByTestId("move-dialog").CountAsync() > 0;
            var messages = string.Join(" | ", await page.Locator(".mud-snackbar").AllInnerTextsAsync());
            var marks = string.Join(", ", (await Marks(page)).Keys);
            var connection = await page.EvaluateAsync<string>("() => document.getElementById('components-reconnect-modal')?.className ?? 'no reconnect dialog'");
            await BrowserSession.ScreenshotAsync(page, "benchmark-move-not-shown");
            throw new TimeoutException($"The moved card {moved} was not shown; dialog still open: {dialogOpen}; messages: {messages}; "
                + $"browser marks (a 'confirm' mark means the click reached the page): {marks}; reconnect dialog: {connection}");
        }
    }

    /// <summary>
    /// Four SOPs side by side with 500 running items each: every board opens on its own items (full page loads) and the
    /// board switcher moves between them (in-app navigation). Opt-in, like the other crowded benchmarks.
    /// </summary>
    [SlowBenchmarkFact]
    public async Task Four_SOP_boards_with_500_running_items_each()
    {
        const int PerSop = 500;
        const int LoadsPerBoard = 8;
        var session = new BrowserSession();
        await session.InitializeAsync();
        try
        {
            var app = session.App;
            var now = app.Get<TimeProvider>().GetUtcNow();
            for (var n = (await app.Get<Portal.Features.Workflow.SopCatalog>().ListAsync()).Count; n < 4; n++)
            {
                await app.AddSopAsync($"sop-beban-{n}", $"SOP Uji Beban {n}", $"800/{060 + n:D3}/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
                    TestSops.Step(1, "Terima berkas", 0, duration: new SopDuration(4, DurationUnit.WorkingHours)),
                    TestSops.Step(2, "Olah berkas", 0, duration: new SopDuration(2, DurationUnit.WorkingDays)),
                    TestSops.Step(3, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 2),
                    TestSops.Step(4, "Tanda tangan", 2, StepKind.Approve),
                    TestSops.Step(5, "Serahkan", 0, duration: new SopDuration(30, DurationUnit.WorkingMinutes)));
            }
            var sops = await app.Get<Portal.Features.Workflow.SopCatalog>().ListAsync();
            foreach (var sop in sops)
            {
                var (definitionId, _) = await app.Get<Portal.Features.Workflow.SopCatalog>().CurrentAsync(sop.Id);
                await BulkInnovations.SeedAsync(app, PerSop, now, definitionId: definitionId);
            }

            var page = await session.SignInAsync(DemoPeople.FungsionalPdip, 1920, 1080);
            var loads = new List<double>();
            var perBoard = new List<string>();
            foreach (var sop in sops)
            {
                var board = new List<double>();
                for (var i = 0; i < LoadsPerBoard + 1; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await page.GotoAsync($"{session.BaseUrl}/papan/{sop.Slug}");
                    await BrowserSession.WaitForBoardAsync(page);
                    if (i > 0) board.Add(watch.Elapsed.TotalMilliseconds); // the first load warms the caches
                }
                loads.AddRange(board);
                perBoard.Add($"{sop.Title} ({await page.Locator(".board-card").CountAsync()} cards): {Figures.Summary(board)}");
            }

            var switches = new List<double>();
            for (var i = 0; i < 12; i++)
            {
                var next = sops[(i + 1) % sops.Count];
                await page.GetByTestId("board-switcher").GetByRole(AriaRole.Button).ClickAsync();
                var watch = Stopwatch.StartNew();
                await page.GetByTestId($"board-switch-{next.Slug}").ClickAsync();
                await page.WaitForURLAsync(url => url.EndsWith($"/papan/{next.Slug}"));
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Papan {next.Title}");
                await BrowserSession.WaitForBoardAsync(page);
                switches.Add(watch.Elapsed.TotalMilliseconds);
            }

            output.WriteLine($"BENCHMARK {sops.Count} SOP boards, {PerSop} running items each ({sops.Count * PerSop} in all), min / median / p95:");
            output.WriteLine($"BENCHMARK   full page load -> board live, all boards ({loads.Count} loads): {Figures.Summary(loads)}");
            foreach (var line in perBoard) output.WriteLine($"BENCHMARK     {line}");
            output.WriteLine($"BENCHMARK   board switcher -> the other SOP's board live ({switches.Count}): {Figures.Summary(switches)} (target < 400)");
            Assert.Equal(sops.Count * LoadsPerBoard, loads.Count);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>A whole office and its TV screens: 100 open boards while someone moves a card every second for a minute.</summary>
    [SlowBenchmarkFact]
    public async Task A_hundred_open_boards_follow_a_move_a_second_for_a_minute()
    {
        const int Boards = 100;
        const int Moves = 60;
        // A hundred tabs stand for a hundred PCs: on a machine of several cores Chromium keeps to the last one, leaving the
        // server the others as if the browsers ran on PCs of their own.
        var session = new BrowserSession { BrowserCpus = Environment.ProcessorCount > 1 ? (Environment.ProcessorCount - 1).ToString() : null };
        await session.InitializeAsync();
        try
        {
            var app = session.App;
            await BulkInnovations.SeedAsync(app, 1000, app.Get<TimeProvider>().GetUtcNow());
            var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
            List<(int Id, long Version)> toMove;
            await using (var db = app.CreateDbContext())
            {
                toMove = (await db.Innovations.Where(i => i.CurrentStep == 1 && i.Status == InnovationStatus.Berjalan && i.ProposerId == fungsional)
                    .OrderBy(i => i.Id).Select(i => new { i.Id, i.Version }).Take(Moves).ToListAsync()).Select(i => (i.Id, i.Version)).ToList();
            }
            foreach (var (id, _) in toMove) await app.AttachAsync(id, fungsional);
            var watches = toMove.Select(m => new { name = m.Id.ToString(), selector = $"[data-testid=zone-2] [data-testid=card-{m.Id}]" }).ToArray();

            var people = new[] { DemoPeople.FungsionalPdip, DemoPeople.KabidPdip, DemoPeople.KepalaDinas, DemoPeople.FungsionalDafduk };
            var tabs = new List<IPage>();
            foreach (var person in people)
            {
                var first = await session.SignInAsync(person, 1920, 1080);
                await first.Context.AddInitScriptAsync(MarksScript);
                for (var i = 0; i < Boards / people.Length; i++)
                {
                    var tab = i == 0 ? first : await first.Context.NewPageAsync();
                    await tab.GotoAsync($"{session.BaseUrl}/");
                    await BrowserSession.WaitForBoardAsync(tab);
                    // Step 2 shown in full, so every moved card is on screen (a capped cell shows its most urgent cards
                    // and the latest moved one; two moves inside one render would show only the second).
                    await tab.GetByTestId("show-all-2").ClickAsync();
                    await tab.GetByTestId("show-all-2").WaitForAsync(new() { State = WaitForSelectorState.Detached });
                    await tab.EvaluateAsync("w => { window.__marks = {}; window.__watch = w; }", watches);
                    tabs.Add(tab);
                }
            }

            var serverLags = new System.Collections.Concurrent.ConcurrentBag<double>();
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Portal.Features.Board.BoardMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<double>((_, value, _, _) => serverLags.Add(value));
            listener.Start();

            var workflow = app.Get<Portal.Features.Workflow.WorkflowService>();
            var committedAt = new Dictionary<string, double>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < Moves; i++)
            {
                var (id, version) = toMove[i];
                var browserNow = await tabs[0].EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
                var call = Stopwatch.StartNew();
                var moved = await workflow.MoveAsync(new Portal.Features.Workflow.MoveCommand(id, version, WorkflowActionKind.Advance), fungsional);
                Assert.True(moved.Succeeded, moved.Message);
                committedAt[id.ToString()] = browserNow + call.Elapsed.TotalMilliseconds;
                // One move a second, on the test's monotonic stopwatch.
                var next = TimeSpan.FromSeconds(i + 1) - wall.Elapsed;
                if (next > TimeSpan.Zero) await Task.Delay(next);
            }
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds;

            var lags = new List<double>();
            var missing = 0;
            foreach (var tab in tabs)
            {
                await tab.WaitForFunctionAsync("n => Object.keys(window.__marks).length >= n", Moves, new() { Timeout = 2_000 }).ContinueWith(_ => { });
                var marks = await Marks(tab);
                foreach (var (id, at) in committedAt)
                {
                    if (marks.TryGetValue(id, out var shown)) lags.Add(shown - at);
                    else missing++;
                }
            }
            listener.Dispose();
            output.WriteLine($"BENCHMARK {tabs.Count} open boards (1000 running innovations), {Moves} moves one a second:");
            output.WriteLine($"BENCHMARK   move committed -> board rendered and its change sent, on the server (portal.board.move_to_render): {Figures.Summary(serverLags.ToList())} (target max < 1000)");
            output.WriteLine($"BENCHMARK   move committed -> card in its new cell on every board (Chromium, {tabs.Count} tabs on CPU {session.BrowserCpus ?? "any"} of {Environment.ProcessorCount}): {Figures.Summary(lags)}, {missing} missed");
            output.WriteLine($"BENCHMARK   test process CPU during the minute (server and Playwright's client): {cpu:F2} cores (target < 1)");
            Assert.Equal(0, missing);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    private static async Task WaitForDragEndAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => 'dragend' in window.__marks");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The drag did not end in the page (no dragend); browser marks: {string.Join(", ", (await Marks(page)).Keys)}");
        }
    }

    private static Task Watch(IPage page, params (string Name, string Selector)[] watches) =>
        page.EvaluateAsync("w => { window.__marks = {}; window.__watch = w; }", watches.Select(w => new { name = w.Name, selector = w.Selector }).ToArray());

    private static async Task<Dictionary<string, double>> Marks(IPage page) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__marks)"))!;

    private static long ServerMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
