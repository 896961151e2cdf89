using Microsoft.Playwright;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>A browser session on a portal whose database can be made full.</summary>
public sealed class FullDatabaseBrowserSession() : BrowserSession(new PageLimitedPortal())
{
    public PageLimitedPortal Portal => (PageLimitedPortal)App;
}

/// <summary>What a person sees in the browser when the server's storage is full: the message in words, on the page they used.</summary>
[Trait("Category", "Browser")]
public sealed class StorageFailureBrowserTests(FullDatabaseBrowserSession session) : IClassFixture<FullDatabaseBrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task Proposing_an_innovation_while_the_database_is_full_shows_the_message_on_the_form_and_saving_works_once_there_is_room()
    {
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        var fungsional = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        session.Portal.DatabaseFull = true;
        // The database fills up with other proposals until one no longer fits.
        for (var i = 0; i < 400 && (await session.App.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details($"Inovasi pengisi {i:D3}"), fungsional)).Succeeded; i++) { }

        await page.GotoAsync($"{session.BaseUrl}/inovasi/baru");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("field-title").FillAsync("Layanan dokumen saat disk penuh");
        await page.GetByTestId("field-summary").FillAsync("Ringkasan inovasi yang diusulkan ketika penyimpanan server penuh.");
        await page.GetByTestId("field-background").FillAsync("Penduduk harus datang berulang kali ke kantor dinas.");
        await page.GetByTestId("field-goal").FillAsync("Mempercepat pelayanan.");
        await page.GetByTestId("field-benefit").FillAsync("Dokumen lebih cepat terbit.");
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("form-error")).ToHaveTextAsync("Penyimpanan server penuh; hubungi administrator.");
        await BrowserSession.ScreenshotAsync(page, "storage-full-create");

        session.Portal.DatabaseFull = false;
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("innovation-title")).ToHaveTextAsync("Layanan dokumen saat disk penuh");
    }
}
