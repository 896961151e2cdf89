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
using Portal.Features.Board;
using Portal.Features.Office;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

/// <summary>The whole board page in bUnit on the real portal services and database, with the clock in the test's hand.</summary>
/// <summary>
/// Several SOPs side by side: each has its own board at /papan/{slug}, built from its own snapshot. In a fixture of its
/// own, so that the other board tests' clock jumps wake only the innovation SOP's board.
/// </summary>
public sealed class SeveralSopBoardsTests(SeveralSopBoardsTests.App app) : IClassFixture<SeveralSopBoardsTests.App>, IAsyncLifetime
{
    // Mon 2 Nov 2026 10:00 WITA.
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero)));

    private readonly BunitContext context = new();

    public async Task InitializeAsync()
    {
        context.UseServicesOf(app);
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        context.SignIn(fungsional);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Each_SOP_has_its_own_snapshot_and_a_move_on_one_leaves_the_others_snapshot_in_place()
    {
        var boards = app.Get<BoardSnapshots>();
        var innovationSop = await app.InnovationSopIdAsync();
        await boards.GetAsync(innovationSop);
        var (sop, itemId, innovationId) = await SecondSopWithOneItemEachAsync("akta-potret", "Pelayanan Akta Uji Potret", "800/015/SOP/DKPS/2024");
        // The innovation board was built before the innovation: it takes it in from the creation's event.
        var innovationBoard = await WaitForAsync(innovationSop, b => b.Find(innovationId) is not null);
        var aktaBoard = await boards.GetAsync(sop.Id);

        Assert.Equal([itemId], aktaBoard.Items.Select(i => i.Id));
        Assert.Equal(sop.Id, aktaBoard.SopId);
        Assert.Equal(["Periksa berkas", "Verifikasi berkas", "Tanda tangan akta"], aktaBoard.CurrentSop.Steps.Select(s => s.ShortName));
        Assert.Null(innovationBoard.Find(itemId));
        Assert.DoesNotContain(innovationBoard.Items, i => i.SopId != innovationSop);

        var innovationUpdates = new List<BoardUpdate>();
        using (boards.Subscribe(innovationSop, update =>
        {
            lock (innovationUpdates) innovationUpdates.Add(update);
            return Task.CompletedTask;
        }))
        {
            var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
            await AdvanceAsync(itemId, fungsional);
            var moved = await WaitForAsync(sop.Id, b => b.Find(itemId)?.CurrentStep == 2);

            Assert.Same(innovationBoard, await boards.GetAsync(innovationSop));
            Assert.Equal(aktaBoard.Items.Count, moved.Items.Count);
            lock (innovationUpdates) Assert.DoesNotContain(innovationUpdates, u => u.Change?.InnovationId == itemId);
        }
    }

    [Fact]
    public async Task A_second_SOP_shows_its_own_board_at_its_address_with_only_its_items_and_the_switcher_lists_both()
    {
        var (sop, itemId, innovationId) = await SecondSopWithOneItemEachAsync("akta-papan", "Pelayanan Akta Uji Papan", "800/018/SOP/DKPS/2024");

        var popovers = context.Render<MudPopoverProvider>();
        var page = context.Render<BoardPage>(p => p.Add(b => b.Slug, sop.Slug));

        page.WaitForElement($"[data-testid=zone-1] [data-testid=card-{itemId}]");
        Assert.Empty(page.FindAll($"[data-testid=card-{innovationId}]"));
        Assert.Equal("Papan Pelayanan Akta Uji Papan", page.Find("h1").TextContent.Trim());
        Assert.Equal(["1. Periksa berkas", "2. Verifikasi berkas", "3. Tanda tangan akta"],
            page.FindAll(".swimlane-column-header:not(.column-done) .column-title").Select(c => c.TextContent.Trim()));
        Assert.Contains("800/018/SOP/DKPS/2024", page.Find(".board-subtitle").TextContent);

        page.Find("[data-testid=board-switcher] button").Click();
        popovers.WaitForAssertion(() => Assert.Equal("/papan/inovasi-pelayanan", popovers.Find("[data-testid=board-switch-inovasi-pelayanan]").GetAttribute("href")));
        Assert.Equal("/papan/akta-papan", popovers.Find("[data-testid=board-switch-akta-papan]").GetAttribute("href"));
        Assert.Contains("Pelayanan Akta Uji Papan", popovers.Find("[data-testid=board-switch-akta-papan]").TextContent);
    }

    [Fact]
    public async Task The_first_board_opens_on_the_innovation_SOP_without_the_other_SOPs_items()
    {
        var (_, itemId, innovationId) = await SecondSopWithOneItemEachAsync("akta-pertama", "Pelayanan Akta Uji Pertama", "800/013/SOP/DKPS/2024");

        var page = context.Render<BoardPage>();

        page.WaitForElement($"[data-testid=card-{innovationId}]");
        Assert.Empty(page.FindAll($"[data-testid=card-{itemId}]"));
        Assert.Equal("Papan Inovasi Pelayanan", page.Find("h1").TextContent.Trim());
        Assert.Equal("/inovasi/baru", page.Find("[data-testid=board-start]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_move_on_one_SOP_board_leaves_the_other_SOP_board_as_it_was()
    {
        var (sop, itemId, innovationId) = await SecondSopWithOneItemEachAsync("akta-pindah", "Pelayanan Akta Uji Pindah", "800/014/SOP/DKPS/2024");
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        await app.AttachAsync(innovationId, fungsional);
        var innovationBoard = context.Render<BoardPage>();
        var aktaBoard = context.Render<BoardPage>(p => p.Add(b => b.Slug, sop.Slug));
        innovationBoard.WaitForElement($"[data-testid=zone-1] [data-testid=card-{innovationId}]");
        aktaBoard.WaitForElement($"[data-testid=zone-1] [data-testid=card-{itemId}]");

        await AdvanceAsync(itemId, fungsional);

        aktaBoard.WaitForAssertion(() => Assert.Contains("card-highlight",
            aktaBoard.Find($"[data-testid=zone-2] [data-testid=card-{itemId}]").GetAttribute("class")));
        // The innovation board hears of its own moves only: its next update is the innovation's move, and the akta never shows on it.
        await AdvanceAsync(innovationId, fungsional);
        innovationBoard.WaitForAssertion(() => Assert.Contains("card-highlight",
            innovationBoard.Find($"[data-testid=zone-2] [data-testid=card-{innovationId}]").GetAttribute("class")));
        Assert.Empty(innovationBoard.FindAll($"[data-testid=card-{itemId}]"));
        Assert.Empty(aktaBoard.FindAll($"[data-testid=card-{innovationId}]"));
        Assert.Single(innovationBoard.FindAll(".card-highlight"));
    }

    [Fact]
    public void An_unknown_SOP_address_says_so_in_Indonesian()
    {
        var page = context.Render<BoardPage>(p => p.Add(b => b.Slug, "tidak-ada"));

        page.WaitForAssertion(() => Assert.Contains("Tidak ada SOP dengan alamat \"tidak-ada\"", page.Find("[data-testid=not-found]").TextContent));
        Assert.Contains("SOP tidak ditemukan", page.Find("[data-testid=not-found]").TextContent);
        Assert.Empty(page.FindAll(".swimlane-grid"));
    }

    /// <summary>A second SOP of three steps, with one item on it and one new innovation on the innovation SOP, both of the PDIP fungsional.</summary>
    private async Task<(SopSummary Sop, int ItemId, int InnovationId)> SecondSopWithOneItemEachAsync(string slug, string title, string nomor)
    {
        var sop = await app.AddSopAsync(slug, title, nomor, TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 1),
            TestSops.Step(3, "Tanda tangan akta", 2, StepKind.Approve));
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var item = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = $"Akta kelahiran {title}", BidangId = fungsional.BidangId }, fungsional.Id);
        Assert.True(item.Succeeded, item.Message);
        var innovation = await workflow.CreateAsync(WorkflowServiceTests.Details($"Inovasi di samping {title}"), fungsional.Id);
        Assert.True(innovation.Succeeded, innovation.Message);
        return (sop, item.InnovationId!.Value, innovation.InnovationId!.Value);
    }

    /// <summary>The SOP's board once it satisfies the condition: now, or from the next updates (bounded).</summary>
    private async Task<BoardSnapshot> WaitForAsync(int sopId, Func<BoardSnapshot, bool> condition)
    {
        var boards = app.Get<BoardSnapshots>();
        var reached = new TaskCompletionSource<BoardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = boards.Subscribe(sopId, update =>
        {
            if (condition(update.Snapshot)) reached.TrySetResult(update.Snapshot);
            return Task.CompletedTask;
        });
        var now = await boards.GetAsync(sopId);
        if (condition(now)) return now;
        return await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task AdvanceAsync(int id, string userId)
    {
        await using var db = app.CreateDbContext();
        var version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
        var moved = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), userId);
        Assert.True(moved.Succeeded, moved.Message);
    }
}
