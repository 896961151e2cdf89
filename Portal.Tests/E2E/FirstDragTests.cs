using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>What the README tells a new user to try first, on the demo data exactly as seeded.</summary>
[Trait("Category", "Browser")]
public sealed class FirstDragTests(FirstDragTests.Session session) : IClassFixture<FirstDragTests.Session>
{
    /// <summary>Seeded before dawn on a Monday, the hour at which the demo once held steps finished in the future.</summary>
    public sealed class Session() : BrowserSession(new RunningClock(TestInstants.MondayBeforeDawn));

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task Rizky_drags_Dukcapil_Goes_to_School_to_step_two_and_it_is_accepted()
    {
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);
        var card = page.Locator("[data-testid=zone-1] .board-card", new() { HasText = "Dukcapil Goes to School" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("output-missing-badge")).ToHaveCountAsync(0);

        await card.DragToAsync(page.Locator("[data-testid=zone-2]"));
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "first-drag-confirm");
        await page.GetByTestId("move-confirm").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=zone-2] .board-card", new() { HasText = "Dukcapil Goes to School" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "first-drag-done");
    }
}
