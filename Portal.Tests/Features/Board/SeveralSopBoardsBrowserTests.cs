using Microsoft.Playwright;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

/// <summary>Several SOPs in a real browser: the board switcher, a drag on the second SOP's board, and "Menunggu saya" across both.</summary>
[Trait("Category", "Browser")]
public sealed class SeveralSopBoardsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_fungsional_switches_to_the_second_SOP_drags_an_item_there_and_finds_both_SOPs_waiting_items_in_one_list()
    {
        var app = session.App;
        var sop = await app.AddSopAsync("akta-peramban", "Pelayanan Akta Kelahiran", "800/041/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 1),
            TestSops.Step(3, "Tanda tangan akta", 2, StepKind.Approve));
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var dragged = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta kelahiran Ayu", BidangId = fungsional.BidangId }, fungsional.Id);
        var waiting = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta kelahiran Bima", BidangId = fungsional.BidangId }, fungsional.Id);
        var innovation = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi menunggu di peramban"), fungsional.Id);
        Assert.True(dragged.Succeeded && waiting.Succeeded && innovation.Succeeded);

        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await page.GotoAsync($"{session.BaseUrl}/");
        await BrowserSession.WaitForBoardAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Papan Inovasi Pelayanan");
        await Assertions.Expect(page.GetByTestId($"card-{dragged.InnovationId}")).ToHaveCountAsync(0);

        await page.GetByTestId("board-switcher").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByTestId("board-switch-akta-peramban").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/papan/akta-peramban"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Papan Pelayanan Akta Kelahiran");
        var card = page.Locator($"[data-testid=zone-1] [data-testid=card-{dragged.InnovationId}]");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"card-{innovation.InnovationId}")).ToHaveCountAsync(0);
        await BrowserSession.WaitForBoardAsync(page);
        await BrowserSession.ScreenshotAsync(page, "board-second-sop");

        await card.DragToAsync(page.Locator("[data-testid=zone-2]"));
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=zone-2] [data-testid=card-{dragged.InnovationId}]")).ToBeVisibleAsync();

        await BrowserSession.FollowMenuLinkAsync(page, "/menunggu");
        var bima = page.GetByTestId($"waiting-{waiting.InnovationId}");
        await Assertions.Expect(bima).ToContainTextAsync("Pelayanan Akta Kelahiran");
        await Assertions.Expect(bima).ToContainTextAsync("Langkah 1: Periksa berkas");
        await Assertions.Expect(page.GetByTestId($"waiting-{innovation.InnovationId}")).ToContainTextAsync("Inovasi Pelayanan");
        // Moved on to the Kepala Bidang's verification: no longer waiting for its proposer.
        await Assertions.Expect(page.GetByTestId($"waiting-{dragged.InnovationId}")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "menunggu-saya");
    }
}
