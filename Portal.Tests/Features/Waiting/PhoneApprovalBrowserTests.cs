using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Workflow;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Waiting;

/// <summary>
/// The Kepala Dinas away from the desk: on a phone-sized Chromium they clear what waits for them, and an alert e-mail's
/// link (from a real SMTP server on loopback) opens the item with the move ready, through sign-in.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class PhoneApprovalBrowserTests(PhoneApprovalBrowserTests.Session session, ITestOutputHelper output)
    : IClassFixture<PhoneApprovalBrowserTests.Session>
{
    public sealed class Session() : BrowserSession(new PortalAppFactory(new RunningClock(TestInstants.OrdinaryWednesday), Mail.Settings(publicBaseUrl: null)
        .Append(new("Alerts:RunServer", "false")).ToDictionary()))
    {
        // Links in e-mails use the address the portal listens on when no public address is set: here, the test's Kestrel.
        public static readonly LoopbackSmtp Mail = new();
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_Kepala_Dinas_approves_one_item_and_returns_another_on_a_phone_and_the_Kepala_Bidang_board_follows_both()
    {
        var toReturn = await ItemAtKepalaDinasVerificationAsync("Dokumen Kependudukan Lewat Ponsel");
        var kabid = await session.SignInAsync(DemoPeople.KabidPdip);
        await BrowserSession.WaitForBoardAsync(kabid);

        var phone = await SignInOnPhoneAsync(DemoPeople.KepalaDinas);

        // Signed in on a phone, the portal opens on what waits for this person, not on the wide board.
        Assert.EndsWith("/menunggu", phone.Url);
        var list = phone.GetByTestId("waiting-list");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(phone);
        var approvable = list.Locator("[data-waiting-item]").Filter(new() { Has = phone.GetByTestId($"waiting-action-{WorkflowActionKind.Approve}") }).First;
        var toApprove = int.Parse((await approvable.GetAttributeAsync("data-waiting-item"))!);
        var returnCard = phone.GetByTestId($"waiting-{toReturn}");
        await Assertions.Expect(returnCard).ToBeVisibleAsync();
        await Assertions.Expect(approvable.GetByTestId("sla-chip")).ToBeVisibleAsync();
        await Assertions.Expect(returnCard.GetByTestId("waiting-output")).ToContainTextAsync("Keluaran langkah ini:");
        await BrowserSession.ScreenshotAsync(phone, "phone-menunggu-kepala-dinas");

        // The output to check opens as a PDF from the card.
        var preview = approvable.GetByTestId("waiting-preview");
        var document = await phone.Context.APIRequest.GetAsync(session.BaseUrl + await preview.GetAttributeAsync("href"));
        Assert.Equal(200, document.Status);
        Assert.StartsWith("application/pdf", document.Headers["content-type"]);
        Assert.Equal("%PDF"u8.ToArray(), (await document.BodyAsync())[..4]);

        var approvedFrom = (await CurrentStepAsync(toApprove)).ToString();
        await approvable.GetByTestId($"waiting-action-{WorkflowActionKind.Approve}").TapAsync();
        await phone.GetByTestId("move-confirm").TapAsync();
        await Assertions.Expect(phone.GetByTestId($"waiting-{toApprove}")).ToHaveCountAsync(0);
        await Assertions.Expect(kabid.GetByTestId($"card-{toApprove}")).Not.ToHaveAttributeAsync("data-step", approvedFrom);

        await returnCard.GetByTestId($"waiting-action-{WorkflowActionKind.ReturnForRevision}").TapAsync();
        await phone.GetByTestId("move-confirm").TapAsync();
        // A return needs its reason: asked for in the dialog, nothing moves until it is given.
        await Assertions.Expect(phone.GetByTestId("move-dialog")).ToContainTextAsync("Alasan wajib diisi");
        await phone.GetByTestId("move-text").FillAsync("Sasaran pengguna belum dijelaskan; lengkapi data pendukung.");
        await BrowserSession.ScreenshotAsync(phone, "phone-return-dialog");
        await phone.GetByTestId("move-confirm").TapAsync();
        await Assertions.Expect(phone.GetByTestId($"waiting-{toReturn}")).ToHaveCountAsync(0);

        var sop = await SopOfAsync(toReturn);
        var returnedTo = sop.Step(await StepOfAsync(sop, StepKind.Verify, DemoPeople.KepalaDinas)).ReturnToStep!.Value;
        Assert.Equal(returnedTo, await CurrentStepAsync(toReturn));
        await Assertions.Expect(kabid.GetByTestId($"card-{toReturn}")).ToHaveAttributeAsync("data-step", returnedTo.ToString());
        await Assertions.Expect(kabid.GetByTestId($"card-{toApprove}")).ToHaveAttributeAsync("data-step", (await CurrentStepAsync(toApprove)).ToString());
        await AssertNoHorizontalScrollAsync(phone);
        await BrowserSession.ScreenshotAsync(phone, "phone-menunggu-after");
        await BrowserSession.ScreenshotAsync(kabid, "phone-kabid-board-after");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_alert_e_mail_link_opens_the_item_with_the_move_ready_through_sign_in_and_goes_back_to_the_list()
    {
        var id = await ItemAtKepalaDinasVerificationAsync("Layanan Akta Keliling Desa");
        var mail = await LateAlertMailToKepalaDinasAsync(id);
        var link = Regex.Match(mail.HtmlBody!, "href=\"(?<link>[^\"]+/inovasi/" + id + "[^\"]*)\"").Groups["link"].Value;
        Assert.EndsWith($"/inovasi/{id}?aksi=lanjutkan", link);
        Assert.Contains("Sesuai — lanjutkan ke langkah", mail.HtmlBody);
        Assert.Contains(link, mail.TextBody);

        var context = await session.Browser.NewContextAsync(PhoneContext());
        var phone = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await phone.GotoAsync(link);
        await phone.WaitForURLAsync(url => url.Contains("/akun/masuk"));
        await phone.FillAsync("#nip", DemoPeople.KepalaDinas);
        await phone.FillAsync("#password", Portal.Data.DemoData.Password);
        await phone.GetByTestId("signin-submit").TapAsync();
        await phone.WaitForURLAsync(url => url.EndsWith($"/inovasi/{id}?aksi=lanjutkan"));
        var dialog = phone.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Sesuai — lanjutkan ke langkah");
        await BrowserSession.ScreenshotAsync(phone, "phone-link-dialog");
        await phone.GetByTestId("move-confirm").TapAsync();
        await phone.WaitForURLAsync(url => url.EndsWith("/menunggu"));
        // Back on the list, the item no longer waits at the verification (it may wait for the next step).
        var verification = await StepOfAsync(await SopOfAsync(id), StepKind.Verify, DemoPeople.KepalaDinas);
        await Assertions.Expect(phone.GetByTestId("waiting-list").Or(phone.GetByTestId("waiting-none"))).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator($"[data-testid=waiting-{id}] [data-testid=waiting-step]", new() { HasTextString = $"Langkah {verification}:" }))
            .ToHaveCountAsync(0);
        clock.Stop();
        Assert.NotEqual(verification, await CurrentStepAsync(id));
        output.WriteLine($"Link in the e-mail to the move done and back on the list, signing in on the way: {clock.ElapsedMilliseconds} ms");

        // The same link opened again finds nothing waiting: it says so and changes nothing.
        var again = await phone.GotoAsync(link);
        await Assertions.Expect(phone.Locator(".mud-snackbar")).ToContainTextAsync("tidak ada yang diubah");
        await Assertions.Expect(phone.GetByTestId("move-dialog")).ToHaveCountAsync(0);
        await phone.WaitForURLAsync(url => url.EndsWith($"/inovasi/{id}"));
        await BrowserSession.ScreenshotAsync(phone, "phone-link-used-again");
    }

    private async Task<IPage> SignInOnPhoneAsync(string nip)
    {
        var context = await session.Browser.NewContextAsync(PhoneContext());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"{session.BaseUrl}/akun/masuk");
        await page.FillAsync("#nip", nip);
        await page.FillAsync("#password", Portal.Data.DemoData.Password);
        await page.GetByTestId("signin-submit").TapAsync();
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        await BrowserSession.WaitForInteractiveAsync(page);
        return page;
    }

    private static BrowserNewContextOptions PhoneContext() => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
        Locale = "id-ID",
        TimezoneId = "Asia/Makassar",
    };

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways on a phone: {widths[0]} px of content in {widths[1]} px.");
    }

    /// <summary>A new item of the PDIP bidang taken by its people to the step the Kepala Dinas verifies, outputs attached on the way.</summary>
    private async Task<int> ItemAtKepalaDinasVerificationAsync(string title)
    {
        var app = session.App;
        var workflow = app.Get<WorkflowService>();
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details(title), await app.IdAsync(DemoPeople.FungsionalPdip));
        Assert.True(created.Succeeded, created.Message);
        var id = created.InnovationId!.Value;
        var sop = await SopOfAsync(id);
        var verification = await StepOfAsync(sop, StepKind.Verify, DemoPeople.KepalaDinas);
        while (sop.Step(await CurrentStepAsync(id)) is var step && step.Number != verification)
        {
            var doer = await app.IdAsync(await DoerAsync(sop, step));
            if (step.RequiresOutput) await app.AttachAsync(id, doer);
            long version;
            await using (var db = app.CreateDbContext())
                version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
            var moved = await workflow.MoveAsync(new MoveCommand(id, version, SopWorkflow.ForwardAction(step), null), doer);
            Assert.True(moved.Succeeded, moved.Message);
        }
        return id;
    }

    /// <summary>Runs the overdue scan at a time the item's verification is late, and sends the Kepala Dinas's alert about it.</summary>
    private async Task<MimeKit.MimeMessage> LateAlertMailToKepalaDinasAsync(int innovationId)
    {
        var app = session.App;
        Session.Mail.Start();
        var kadisId = await app.IdAsync(DemoPeople.KepalaDinas);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == kadisId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, $"{DemoPeople.KepalaDinas}@paserkab.go.id"));
            // The verification began long enough ago to be late now, as it would after days away from the desk.
            var run = await db.StepRuns.Where(r => r.InnovationId == innovationId && r.FinishedAt == null).SingleAsync();
            var shift = run.DueAt!.Value - app.Get<TimeProvider>().GetUtcNow() + TimeSpan.FromDays(7);
            await db.StepRuns.Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, run.StartedAt - shift).SetProperty(r => r.DueAt, run.DueAt - shift));
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OverdueScanJob>().RunAsync(CancellationToken.None);
        long notificationId;
        await using (var db = app.CreateDbContext())
            notificationId = await db.Notifications.Where(n => n.InnovationId == innovationId && n.RecipientId == kadisId && n.EmailTo != null)
                .OrderBy(n => n.Id).Select(n => n.Id).FirstAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertMailJob>().SendNotificationAsync(notificationId, CancellationToken.None);
        var title = await TitleAsync(innovationId);
        return Assert.Single(await Session.Mail.WaitForAsync(m => (m.Subject ?? "").Contains(title) && m.To.Mailboxes.Any(a => a.Address.StartsWith(DemoPeople.KepalaDinas))));
    }

    private async Task<SopDocument> SopOfAsync(int innovationId)
    {
        await using var db = session.App.CreateDbContext();
        var sopId = await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.SopDefinitionId).SingleAsync();
        return await session.App.Get<SopCatalog>().GetAsync(sopId);
    }

    /// <summary>The step of the given kind done by the position the demo person with this NIP holds.</summary>
    private async Task<int> StepOfAsync(SopDocument sop, StepKind kind, string nip)
    {
        var level = await LevelAsync(nip);
        return sop.Steps.First(s => s.Kind == kind && sop.PelaksanaOf(s).Level == level).Number;
    }

    /// <summary>Which of the PDIP bidang's demo people (or the Kepala Dinas) does this step.</summary>
    private async Task<string> DoerAsync(SopDocument sop, SopStepDefinition step)
    {
        foreach (var nip in new[] { DemoPeople.FungsionalPdip, DemoPeople.KabidPdip, DemoPeople.KepalaDinas })
            if (sop.PelaksanaOf(step).Level == await LevelAsync(nip)) return nip;
        throw new InvalidOperationException($"No demo person does step {step.Number}.");
    }

    private async Task<PositionLevel> LevelAsync(string nip)
    {
        await using var db = session.App.CreateDbContext();
        return await db.Users.Where(u => u.UserName == nip).Select(u => u.Position!.Level).SingleAsync();
    }

    private async Task<int> CurrentStepAsync(int innovationId)
    {
        await using var db = session.App.CreateDbContext();
        return await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.CurrentStep).SingleAsync();
    }

    private async Task<string> TitleAsync(int innovationId)
    {
        await using var db = session.App.CreateDbContext();
        return await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.Title).SingleAsync();
    }
}
