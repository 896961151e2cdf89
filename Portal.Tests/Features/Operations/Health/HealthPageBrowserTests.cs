using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Health;

/// <summary>The administrator's health page in Chromium: every check in words, and a refresh that checks again.</summary>
[Trait("Category", "Browser")]
public sealed class HealthPageBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_sees_each_check_in_words_and_a_refresh_shows_a_database_that_has_become_locked()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await Assertions.Expect(page.GetByTestId("nav-admin")).ToContainTextAsync("Kesehatan sistem");
        await BrowserSession.FollowMenuLinkAsync(page, "/admin/kesehatan");
        await BrowserSession.WaitForInteractiveAsync(page);

        var database = page.Locator("[data-testid=health-check][data-check=basis-data]");
        // The first run of the checks waits up to Health:DatabaseTimeout (5 s) for the write lock.
        await Assertions.Expect(database.Locator("td").Nth(1)).ToHaveTextAsync("Baik", new() { Timeout = 30_000 });
        await Assertions.Expect(database.Locator("td").Nth(2)).ToHaveTextAsync("Basis data dapat dibaca dan ditulis.");
        await Assertions.Expect(page.Locator("[data-testid=health-check][data-check=tugas-latar]")).ToContainTextAsync("Pemroses tugas latar");
        // Checks that other features register appear too, in words.
        await Assertions.Expect(page.Locator("[data-testid=health-check][data-check=cadangan]")).ToContainTextAsync("Cadangan");
        await BrowserSession.ScreenshotAsync(page, "health-page");

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(session.App.DataDirectory, "portal.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var transaction = holder.BeginTransaction();   // holds the write lock

            await page.GetByTestId("health-refresh").ClickAsync();

            await Assertions.Expect(database.Locator("td").Nth(1)).ToHaveTextAsync("Bermasalah", new() { Timeout = 20_000 });
            await Assertions.Expect(database.Locator("td").Nth(2)).ToHaveTextAsync("Basis data terkunci lebih dari 5 detik: perubahan data tertahan.");
            await Assertions.Expect(page.GetByTestId("health-summary")).ToContainTextAsync("Ada masalah yang perlu segera ditangani");
            await BrowserSession.ScreenshotAsync(page, "health-page-database-locked");
        }

        await page.GetByTestId("health-refresh").ClickAsync();
        await Assertions.Expect(database.Locator("td").Nth(1)).ToHaveTextAsync("Baik", new() { Timeout = 20_000 });
    }
}
