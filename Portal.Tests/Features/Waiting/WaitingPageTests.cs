using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Office;
using Portal.Features.Innovations;
using Portal.Features.Waiting;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Waiting;

/// <summary>"Menunggu saya": every step a person may act on now, across the SOPs, on the real services and database.</summary>
public sealed class WaitingPageTests(WaitingPageTests.App app) : IClassFixture<WaitingPageTests.App>, IAsyncLifetime
{
    // Mon 2 Nov 2026 10:00 WITA.
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero)));

    private readonly BunitContext context = new();

    public Task InitializeAsync()
    {
        context.UseServicesOf(app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_person_who_acts_in_two_SOPs_sees_the_waiting_items_of_both_most_urgent_first_and_a_moved_one_leaves()
    {
        var sop = await app.AddSopAsync("akta-menunggu", "Pelayanan Akta Uji Menunggu", "800/021/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 1),
            TestSops.Step(3, "Tanda tangan akta", 2, StepKind.Approve));
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        // Step 1 of the innovation SOP takes 2 weeks; step 1 of the akta SOP one working day: the akta is more urgent.
        var innovation = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi yang menunggu pengusulnya"), fungsional.Id);
        var akta = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta kelahiran yang menunggu", BidangId = fungsional.BidangId }, fungsional.Id);
        var verified = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta kelahiran di meja Kepala Bidang", BidangId = fungsional.BidangId }, fungsional.Id);
        Assert.True(innovation.Succeeded && akta.Succeeded && verified.Succeeded);
        await AdvanceAsync(verified.InnovationId!.Value, fungsional.Id);
        SignIn(fungsional);

        var page = context.Render<WaitingPage>();

        // Each SOP's board learns of a new item from the workflow's event, a moment after its save: wait for both.
        var aktaRow = page.WaitForElement($"[data-testid=waiting-{akta.InnovationId}]");
        var innovationRow = page.WaitForElement($"[data-testid=waiting-{innovation.InnovationId}]");
        aktaRow = page.Find($"[data-testid=waiting-{akta.InnovationId}]");
        Assert.Contains("Pelayanan Akta Uji Menunggu", aktaRow.TextContent);
        Assert.Contains("Langkah 1: Periksa berkas", aktaRow.TextContent);
        Assert.Contains("03 Nov 2026 16.00", aktaRow.QuerySelector("[data-testid=waiting-due]")!.TextContent);
        Assert.Equal($"/inovasi/{akta.InnovationId}", aktaRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Inovasi Pelayanan", innovationRow.TextContent);
        Assert.Contains("16 Nov 2026 16.00", innovationRow.QuerySelector("[data-testid=waiting-due]")!.TextContent);
        var order = page.FindAll("[data-testid=waiting-list] [data-waiting-item]").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.True(order.IndexOf($"waiting-{akta.InnovationId}") < order.IndexOf($"waiting-{innovation.InnovationId}"));
        // At step 2 the akta waits for the Kepala Bidang, not for its proposer.
        Assert.Empty(page.FindAll($"[data-testid=waiting-{verified.InnovationId}]"));

        await AdvanceAsync(akta.InnovationId!.Value, fungsional.Id);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=waiting-{akta.InnovationId}]")));
        Assert.Single(page.FindAll($"[data-testid=waiting-{innovation.InnovationId}]"));
    }

    [Fact]
    public async Task The_Kepala_Bidang_sees_the_verification_waiting_for_them_and_not_their_staffs_work()
    {
        var sop = await app.AddSopAsync("akta-kabid", "Pelayanan Akta Uji Kepala Bidang", "800/022/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, duration: new SopDuration(2, DurationUnit.WorkingDays), returnTo: 1));
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var atStep1 = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta masih di staf", BidangId = fungsional.BidangId }, fungsional.Id);
        var atStep2 = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta untuk diverifikasi", BidangId = fungsional.BidangId }, fungsional.Id);
        await AdvanceAsync(atStep2.InnovationId!.Value, fungsional.Id);
        SignIn(await app.UserAsync(DemoPeople.KabidPdip));

        var page = context.Render<WaitingPage>();

        var row = page.WaitForElement($"[data-testid=waiting-{atStep2.InnovationId}]");
        Assert.Contains("Langkah 2: Verifikasi berkas", row.TextContent);
        // Their moves are on the card, the same the item's own page offers.
        Assert.NotNull(row.QuerySelector($"[data-testid=waiting-action-{WorkflowActionKind.Advance}]"));
        Assert.NotNull(row.QuerySelector($"[data-testid=waiting-action-{WorkflowActionKind.ReturnForRevision}]"));
        Assert.Empty(page.FindAll($"[data-testid=waiting-{atStep1.InnovationId}]"));
    }

    private void SignIn(Portal.Data.Entities.PortalUser user) =>
        context.SignIn(user);

    private async Task AdvanceAsync(int id, string userId)
    {
        await using var db = app.CreateDbContext();
        var version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
        var moved = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), userId);
        Assert.True(moved.Succeeded, moved.Message);
    }
}
