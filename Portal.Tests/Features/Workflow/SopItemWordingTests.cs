using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Office;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Workflow;

/// <summary>
/// An item of an SOP other than the innovation SOP is a "pelaksanaan" wherever a move is offered, confirmed or reported,
/// and the item list offers to start one of the SOP it is filtered to. On the real services and database.
/// </summary>
public sealed class SopItemWordingTests(SopItemWordingTests.App app) : IClassFixture<SopItemWordingTests.App>, IAsyncLifetime
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

    private static int sopNumber;

    /// <summary>A three-step SOP started by staff, verified by the Kepala Bidang (who may return it) and signed by the head.</summary>
    private async Task<SopSummary> AddSopAsync()
    {
        var n = Interlocked.Increment(ref sopNumber);
        return await app.AddSopAsync($"legalisir-kata-{n}", $"Legalisir Uji Kata {n}", $"800/04{n}/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, duration: new SopDuration(4, DurationUnit.WorkingHours), returnTo: 1),
            TestSops.Step(3, "Tanda tangan", 2, StepKind.Approve));
    }

    private async Task<int> StartAsync(SopSummary sop, string title)
    {
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateItemAsync(sop.Id, new SopItemDetails { Title = title, BidangId = fungsional.BidangId }, fungsional.Id);
        Assert.True(created.Succeeded, created.Message);
        return created.InnovationId!.Value;
    }

    [Fact]
    public async Task Moves_of_a_pelaksanaan_are_offered_and_reported_as_a_pelaksanaan()
    {
        var sop = await AddSopAsync();
        var returned = await StartAsync(sop, "Legalisir KK keluarga Rahman");
        var finished = await StartAsync(sop, "Legalisir akta nikah Pak Amin");
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        var kadis = await app.IdAsync(DemoPeople.KepalaDinas);
        var admin = await app.IdAsync(DemoPeople.Administrator);

        Assert.Equal(("Pelaksanaan dilanjutkan ke langkah 2 (Verifikasi berkas).", "Lanjutkan ke langkah 2"),
            await MoveAsync(returned, fungsional, WorkflowActionKind.Advance));
        Assert.Equal(("Pelaksanaan dikembalikan ke langkah 1 (Periksa berkas) untuk perbaikan.", "Tidak sesuai — kembalikan ke langkah 1"),
            await MoveAsync(returned, kabid, WorkflowActionKind.ReturnForRevision, "Fotokopi KK belum dilegalisir."));
        // A page opened before those moves.
        var stale = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(returned, 1, WorkflowActionKind.Advance), fungsional);
        Assert.StartsWith("Pelaksanaan ini sudah dipindahkan oleh ", stale.Message);
        Assert.Equal(("Pelaksanaan dibatalkan.", "Batalkan pelaksanaan"),
            await MoveAsync(returned, admin, WorkflowActionKind.Cancel, "Pemohon menarik berkasnya."));
        Assert.Equal("Pelaksanaan ini sudah dibatalkan; tidak ada langkah yang dapat dijalankan lagi.",
            (await MoveAsync(returned, fungsional, WorkflowActionKind.Advance)).Message);

        await MoveAsync(finished, fungsional, WorkflowActionKind.Advance);
        await MoveAsync(finished, kabid, WorkflowActionKind.Advance);
        Assert.Equal(("Pelaksanaan selesai: seluruh langkah SOP telah dijalankan.", "Setujui — selesaikan pelaksanaan"),
            await MoveAsync(finished, kadis, WorkflowActionKind.Approve));
    }

    [Fact]
    public async Task An_innovation_keeps_its_own_noun()
    {
        var (_, document) = await app.Get<SopCatalog>().CurrentAsync();
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi tetap inovasi"), await app.IdAsync(DemoPeople.FungsionalPdip));

        var (message, label) = await MoveAsync(created.InnovationId!.Value, await app.IdAsync(DemoPeople.FungsionalPdip), WorkflowActionKind.Advance);

        Assert.Equal("inovasi", document.ItemNoun);
        Assert.Equal("Lanjutkan ke langkah 2", label);
        // Step 1 of the innovation SOP needs its output first.
        Assert.EndsWith("Unggah berkasnya di halaman detail inovasi, lalu lanjutkan.", message);
    }

    [Fact]
    public async Task The_return_dialog_of_a_pelaksanaan_speaks_of_the_pelaksanaan()
    {
        var sop = await AddSopAsync();
        var id = await StartAsync(sop, "Legalisir akta kelahiran Sari");
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        await MoveAsync(id, fungsional, WorkflowActionKind.Advance);
        var (_, document) = await app.Get<SopCatalog>().CurrentAsync(sop.Id);
        var returnMove = new AvailableMove(WorkflowActionKind.ReturnForRevision, 1, "Tidak sesuai — kembalikan ke langkah 1");
        var cancelMove = new AvailableMove(WorkflowActionKind.Cancel, null, "Batalkan pelaksanaan");
        var dialogs = context.Render<MudDialogProvider>();
        var moves = context.Services.GetRequiredService<MoveInteraction>();

        var returning = dialogs.InvokeAsync(() => moves.RunAsync(id, 2, "Legalisir akta kelahiran Sari", document, 2, returnMove, fungsional));
        var text = dialogs.WaitForElement("[data-testid=move-dialog]").TextContent;
        Assert.Contains("Pelaksanaan akan dikembalikan ke langkah 1 untuk diperbaiki.", text);
        Assert.DoesNotContain("novasi", text);
        dialogs.Find("[data-testid=move-cancel]").Click();
        Assert.Null(await returning);

        var cancelling = dialogs.InvokeAsync(() => moves.RunAsync(id, 2, "Legalisir akta kelahiran Sari", document, 2, cancelMove, fungsional));
        Assert.Equal("Batalkan pelaksanaan", dialogs.WaitForElement("[data-testid=move-confirm]").TextContent.Trim());
        dialogs.Find("[data-testid=move-cancel]").Click();
        Assert.Null(await cancelling);
    }

    [Theory]
    // The fungsional may start both SOPs (both begin with staff); the Kepala Bidang neither.
    [InlineData(DemoPeople.FungsionalPdip, false, "Usulkan inovasi", "/inovasi/baru")]
    [InlineData(DemoPeople.FungsionalPdip, true, "Mulai pelaksanaan", "/inovasi/baru/{slug}")]
    [InlineData(DemoPeople.KabidPdip, false, null, null)]
    [InlineData(DemoPeople.KabidPdip, true, null, null)]
    public async Task The_item_list_offers_to_start_an_item_of_the_SOP_it_shows_to_those_who_may(string nip, bool filtered, string? label, string? href)
    {
        var sop = await AddSopAsync();
        var person = await app.UserAsync(nip);
        context.SignIn(person);
        if (filtered) context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/inovasi?sop={sop.Slug}");

        var list = context.Render<InnovationListPage>();

        list.WaitForAssertion(() => Assert.NotNull(list.Find("[data-testid=innovation-grid]")));
        var button = list.FindAll("[data-testid=new-innovation]").SingleOrDefault();
        Assert.Equal((label, href?.Replace("{slug}", sop.Slug)), (button?.TextContent.Trim(), button?.GetAttribute("href")));
    }

    private async Task<WorkflowActor> ActorAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        return (await ActorDirectory.ResolveAsync(db, userId, new DateOnly(2026, 11, 2)))!;
    }

    /// <summary>Makes the move and returns what the person is told; for an Advance by the first step's doer also the menu's label.</summary>
    private async Task<(string Message, string? Label)> MoveAsync(int id, string userId, WorkflowActionKind kind, string? reason = null)
    {
        await using var db = app.CreateDbContext();
        var item = await db.Innovations.AsNoTracking().SingleAsync(i => i.Id == id);
        var document = await app.Get<SopCatalog>().GetAsync(item.SopDefinitionId);
        var label = SopWorkflow.AvailableMoves(document, item.State, await ActorAsync(userId)).FirstOrDefault(m => m.Kind == kind)?.Label;
        var result = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, item.Version, kind, reason), userId);
        return (result.Message, label);
    }
}
