using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Accessibility;

/// <summary>
/// One portal and one Chromium for the whole audit: each person (and each viewport) signs in once and the audit walks
/// page after page in that browser context.
/// </summary>
public sealed class AccessibilitySession : BrowserSession
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    private readonly Dictionary<(string? Nip, bool Phone), IPage> pages = [];

    /// <summary>The seeded innovation still running at step 1 whose output is attached, so its proposer may move it.</summary>
    public const string RunningInnovationTitle = "Dukcapil Goes to School";

    public async Task<int> RunningInnovationIdAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Innovations.Where(i => i.Title == RunningInnovationTitle).Select(i => i.Id).SingleAsync();
    }

    /// <summary>The slug of the seeded SOP beside the innovation SOP.</summary>
    public async Task<string> OtherSopSlugAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Sops.Where(s => s.Slug != "inovasi-pelayanan").OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync();
    }

    public async Task<string> UserIdAsync(string nip) => await App.IdAsync(nip);

    /// <summary>The browser page of this person (null: nobody signed in) at PC size or on a phone, signed in once.</summary>
    public async Task<IPage> PageAsync(string? nip, bool phone)
    {
        if (pages.TryGetValue((nip, phone), out var existing)) return existing;
        var context = await Browser.NewContextAsync(phone ? PersonContext(PhoneWidth, PhoneHeight, phone: true) : PersonContext(1366, 768));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        if (nip is not null)
        {
            await page.GotoAsync($"{BaseUrl}/akun/masuk");
            await page.FillAsync("#nip", nip);
            await page.FillAsync("#password", DemoData.Password);
            await page.ClickAsync("[data-testid=signin-submit]");
            await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        }
        pages[(nip, phone)] = page;
        return page;
    }
}
