using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Portal.Data;
using Portal.Features.Board;
using Portal.Features.Office;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

/// <summary>The whole board page in bUnit on the real portal services and database, with the clock in the test's hand.</summary>
public sealed class BoardPageTests(BoardPageTests.App app) : IClassFixture<BoardPageTests.App>, IAsyncLifetime
{
    // Mon 2 Nov 2026 10:00 WITA.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    public sealed class App() : PortalAppFactory(new FakeTimeProvider(Start));

    private readonly BunitContext context = new();
    private FakeTimeProvider Clock => (FakeTimeProvider)app.Get<TimeProvider>();

    public async Task InitializeAsync()
    {
        context.UseServicesOf(app);
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        context.SignIn(fungsional);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_minute_lateness_refresh_marks_a_card_late_without_closing_its_open_menu()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Uji menu saat terlambat"), fungsional);
        var id = created.InnovationId!.Value;
        await using (var db = app.CreateDbContext())
        {
            var due = await db.StepRuns.Where(r => r.InnovationId == id).Select(r => r.DueAt).SingleAsync();
            // Half a minute before the deadline; the board's next minute refresh falls after it.
            Clock.SetUtcNow(due!.Value.AddSeconds(-30));
        }
        var popovers = context.Render<MudPopoverProvider>();
        var page = context.Render<BoardPage>();
        // The jump of the clock above is read by the board's minute refresh, on a task of its own.
        page.WaitForAssertion(() => Assert.Equal("DueSoon",
            page.Find($"[data-testid=card-{id}] [data-testid=sla-chip]").GetAttribute("data-level")));
        var board = page.FindComponent<SwimlaneBoard>();
        await board.InvokeAsync(() => board.Instance.OpenMenu(id, keyboard: false));
        Assert.Single(popovers.FindAll($"[data-testid=card-action-{id}-Advance]"));

        Clock.Advance(TimeSpan.FromMinutes(1));

        page.WaitForAssertion(() => Assert.Equal("Late",
            page.Find($"[data-testid=card-{id}] [data-testid=sla-chip]").GetAttribute("data-level")));
        Assert.Single(popovers.FindAll($"[data-testid=card-action-{id}-Advance]"));
    }

    [Fact]
    public async Task A_card_moved_into_a_full_cell_stays_there_after_its_glow_fades()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var ids = new List<int>();
        for (var i = 0; i < 13; i++)
        {
            var created = await workflow.CreateAsync(WorkflowServiceTests.Details($"Uji sel penuh {i:D2}"), fungsional);
            ids.Add(created.InnovationId!.Value);
            await app.AttachAsync(ids[^1], fungsional);
        }
        foreach (var id in ids.SkipLast(1)) await AdvanceAsync(id, fungsional);
        var page = context.Render<BoardPage>();
        page.WaitForElement($"[data-testid=zone-2] [data-testid=card-{ids[0]}]");
        var last = ids[^1];
        // Step 2 holds twelve more urgent cards (or as urgent, and older), so the cell is full before this one arrives.
        Assert.True(page.FindAll("[data-testid=zone-2] .board-card").Count >= 12);

        await AdvanceAsync(last, fungsional);

        page.WaitForAssertion(() => Assert.Contains("card-highlight",
            page.Find($"[data-testid=zone-2] [data-testid=card-{last}]").GetAttribute("class")));
        Clock.Advance(TimeSpan.FromSeconds(3));
        page.WaitForAssertion(() => Assert.DoesNotContain("card-highlight",
            page.Find($"[data-testid=zone-2] [data-testid=card-{last}]").GetAttribute("class")));
    }

    [Fact]
    public async Task Leaving_a_board_whose_browser_is_shutting_down_is_no_error()
    {
        // A circuit ending (tab closed mid-call) cancels the JavaScript calls still in flight, the board's clean-up among them.
        var dragModule = context.JSInterop.SetupModule("./js/board.js");
        dragModule.SetupVoid("attach", _ => true).SetVoidResult();
        dragModule.SetupVoid("detach", _ => true).SetException(new TaskCanceledException());
        var page = context.Render<BoardPage>();
        page.WaitForElement(".swimlane-scroll[data-ready=true]");

        await context.DisposeComponentsAsync();

        Assert.Single(dragModule.Invocations["detach"]);
        if (context.Renderer.UnhandledException.IsCompleted)
            Assert.Fail($"disposing the board failed: {(await context.Renderer.UnhandledException).Message}");
    }

    private async Task AdvanceAsync(int id, string userId)
    {
        await using var db = app.CreateDbContext();
        var version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
        var moved = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, Portal.Domain.WorkflowActionKind.Advance), userId);
        Assert.True(moved.Succeeded, moved.Message);
    }
}
