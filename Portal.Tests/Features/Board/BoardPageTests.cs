using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Portal.Data;
using Portal.Features.Board;
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
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(app.Get<TimeProvider>());
        context.Services.AddSingleton(app.Get<IDbContextFactory<PortalDbContext>>());
        context.Services.AddSingleton(app.Get<BoardSnapshots>());
        context.Services.AddSingleton(app.Get<WorkflowService>());
        context.Services.AddScoped<MoveInteraction>();
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        context.AddAuthorization().SetAuthorized(fungsional.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, fungsional.Id));
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
        var card = page.WaitForElement($"[data-testid=card-{id}]");
        Assert.Equal("DueSoon", card.QuerySelector("[data-testid=sla-chip]")!.GetAttribute("data-level"));
        var board = page.FindComponent<SwimlaneBoard>();
        await board.InvokeAsync(() => board.Instance.OpenMenu(id, keyboard: false));
        Assert.Single(popovers.FindAll($"[data-testid=card-action-{id}-Advance]"));

        Clock.Advance(TimeSpan.FromMinutes(1));

        page.WaitForAssertion(() => Assert.Equal("Late",
            page.Find($"[data-testid=card-{id}] [data-testid=sla-chip]").GetAttribute("data-level")));
        Assert.Single(popovers.FindAll($"[data-testid=card-action-{id}-Advance]"));
    }
}
