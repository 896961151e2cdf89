using Microsoft.Playwright;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

[Trait("Category", "Browser")]
public sealed class TvScreenBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_TV_screen_shows_totals_a_WITA_clock_and_a_move_live()
    {
        var workflow = session.App.Get<WorkflowService>();
        var fungsional = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Uji layar TV langsung"), fungsional);
        var id = created.InnovationId!.Value;

        var tv = await session.SignInAsync(DemoPeople.Pemantau, 1920, 1080);
        await tv.GotoAsync($"{session.BaseUrl}/layar?kartu=20");
        await BrowserSession.WaitForInteractiveAsync(tv);
        await BrowserSession.WaitForBoardAsync(tv);
        await Assertions.Expect(tv.GetByTestId("tv-clock")).ToContainTextAsync("WITA");
        await Assertions.Expect(tv.Locator("[data-testid=zone-1]").GetByTestId($"card-{id}")).ToBeVisibleAsync();

        await session.App.AttachAsync(id, fungsional);
        var moved = await workflow.MoveAsync(new MoveCommand(id, created.Version!.Value, WorkflowActionKind.Advance), fungsional);
        Assert.True(moved.Succeeded, moved.Message);

        await Assertions.Expect(tv.Locator("[data-testid=zone-2]").GetByTestId($"card-{id}")).ToBeVisibleAsync();
        await using var db = session.App.CreateDbContext();
        var running = db.Innovations.Count(i => i.Status == InnovationStatus.Berjalan && i.SopDefinition!.Sop!.RecordKind == Portal.Data.Entities.SopRecordKind.InovasiPelayanan);
        await Assertions.Expect(tv.GetByTestId("tv-running")).ToContainTextAsync(running.ToString());
        await BrowserSession.ScreenshotAsync(tv, "tv-screen-1920x1080");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_TV_screen_recovers_by_itself_after_the_server_restarts()
    {
        var dataDirectory = PortalAppFactory.NewDataDirectory();
        var first = new PortalAppFactory(dataDirectory: dataDirectory);
        var address = first.StartKestrel();
        var port = new Uri(address).Port;
        var tv = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await tv.GotoAsync($"{address}/akun/masuk?returnUrl=/layar");
        await tv.FillAsync("#nip", DemoPeople.Pemantau);
        await tv.FillAsync("#password", Portal.Data.DemoData.Password);
        await tv.ClickAsync("[data-testid=signin-submit]");
        await BrowserSession.WaitForInteractiveAsync(tv);
        await Assertions.Expect(tv.GetByTestId("tv-clock")).ToBeVisibleAsync();

        try
        {
            await first.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The TV's open circuit outlives the shutdown timeout: the server stops hard, like a real crash.
        }
        await using var second = new PortalAppFactory(dataDirectory: dataDirectory);
        second.StartKestrel(port);
        var workflow = second.Get<WorkflowService>();
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Dibuat setelah server dinyalakan ulang"), await second.IdAsync(DemoPeople.FungsionalPdip));

        // Nobody touches the TV: it reconnects, reloads itself and shows what happened meanwhile.
        await Assertions.Expect(tv.GetByTestId($"card-{created.InnovationId}")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(tv.GetByTestId("tv-clock")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(tv, "tv-screen-after-restart");
        await tv.Context.CloseAsync();
    }
}
