using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>The concept's way from the Pejabat Fungsional to the Kepala Bidang: upload on step 2, advance, review the PDF, verify.</summary>
[Trait("Category", "Browser")]
public sealed class OutputReviewTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_fungsional_uploads_the_concept_and_the_Kepala_Bidang_reviews_its_PDF_and_verifies_it()
    {
        var workflow = session.App.Get<WorkflowService>();
        var fungsionalId = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Uji tinjauan konsep"), fungsionalId);
        var id = created.InnovationId!.Value;
        await session.App.AttachAsync(id, fungsionalId, "hasil kajian.pdf");
        long version;
        await using (var db = session.App.CreateDbContext()) version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
        var toStep2 = await workflow.MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), fungsionalId);
        Assert.True(toStep2.Succeeded, toStep2.Message);

        var fungsional = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await fungsional.GotoAsync($"{session.BaseUrl}/inovasi/{id}");
        await BrowserSession.WaitForInteractiveAsync(fungsional);
        await Assertions.Expect(fungsional.GetByTestId("tracker-step-2")).ToHaveAttributeAsync("data-state", "current");
        await Assertions.Expect(fungsional.GetByTestId("output-missing")).ToBeVisibleAsync();
        await BrowserSession.ChooseFilesAsync(fungsional.Locator("[data-testid=outputs-panel] input[type=file]").First, new FilePayload
        {
            Name = "Konsep inovasi pelayanan.pdf",
            MimeType = "application/pdf",
            Buffer = DemoDocument.Pdf("Konsep inovasi pelayanan", "Uji tinjauan konsep"),
        });
        await Assertions.Expect(fungsional.GetByTestId("outputs-panel")).ToContainTextAsync("Konsep inovasi pelayanan.pdf");
        await Assertions.Expect(fungsional.GetByTestId("output-missing")).ToHaveCountAsync(0);
        await fungsional.GetByTestId("action-Advance").ClickAsync();
        await fungsional.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(fungsional.GetByTestId("tracker-step-3")).ToHaveAttributeAsync("data-state", "current");

        var kabid = await session.SignInAsync(DemoPeople.KabidPdip, 1366, 900);
        await kabid.GotoAsync($"{session.BaseUrl}/inovasi/{id}");
        await BrowserSession.WaitForInteractiveAsync(kabid);
        var preview = kabid.GetByTestId("output-preview");
        await Assertions.Expect(preview).ToContainTextAsync("Konsep inovasi pelayanan.pdf");
        var frame = preview.Locator("iframe");
        await Assertions.Expect(frame).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"^/lampiran/[0-9a-f-]+\?inline=true$"));
        // The preview's address serves the PDF itself to the Kepala Bidang, inline.
        var document = await kabid.APIRequest.GetAsync($"{session.BaseUrl}{await frame.GetAttributeAsync("src")}");
        Assert.Equal((200, "application/pdf"), (document.Status, document.Headers["content-type"]));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await document.BodyAsync(), 0, 4));
        await BrowserSession.ScreenshotAsync(kabid, "review-kabid-preview-step-3");

        await Assertions.Expect(kabid.GetByTestId("action-Advance")).ToContainTextAsync("Sesuai");
        await kabid.GetByTestId("action-Advance").ClickAsync();
        await kabid.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(kabid.GetByTestId("tracker-step-4")).ToHaveAttributeAsync("data-state", "current");
        await BrowserSession.ScreenshotAsync(kabid, "review-kabid-after-sesuai");

        await using var check = session.App.CreateDbContext();
        var verification = await check.StepRuns.AsNoTracking().SingleAsync(r => r.InnovationId == id && r.StepNumber == 3);
        Assert.Equal((StepOutcome.Sesuai, "Nurul Hidayah, S.E., M.M."), (verification.Outcome, verification.FinishedByName));
    }
}
