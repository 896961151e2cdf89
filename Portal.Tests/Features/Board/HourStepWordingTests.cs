using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Innovations;
using Portal.Features.Office;
using Portal.Features.Waiting;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

/// <summary>
/// An SOP whose steps take hours and minutes, on the real services and database: the board's card, the detail page's step
/// tracker and "Menunggu saya" speak jam and menit kerja, never working days. The office is open 07.30–16.00 WITA.
/// </summary>
public sealed class HourStepWordingTests(HourStepWordingTests.App app) : IClassFixture<HourStepWordingTests.App>, IAsyncLifetime
{
    // Mon 2 Nov 2026 10:00 WITA.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    public sealed class App() : PortalAppFactory(new FakeTimeProvider(Start));

    private readonly BunitContext context = new();
    private FakeTimeProvider Clock => (FakeTimeProvider)app.Get<TimeProvider>();

    public async Task InitializeAsync()
    {
        context.UseServicesOf(app);
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        context.SignIn(fungsional);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_step_of_hours_is_shown_in_jam_and_menit_kerja_on_the_board_the_tracker_and_the_waiting_list()
    {
        var sop = await app.AddSopAsync("pengaduan-jam", "Pengaduan Uji Jam", "800/031/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Catat pengaduan", 0, duration: new SopDuration(2, DurationUnit.WorkingHours)),
            TestSops.Step(2, "Verifikasi jawaban", 1, StepKind.Verify, duration: new SopDuration(30, DurationUnit.WorkingMinutes), returnTo: 1),
            TestSops.Step(3, "Tanda tangan jawaban", 2, StepKind.Approve, duration: new SopDuration(1, DurationUnit.WorkingDays)));
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateItemAsync(sop.Id,
            new SopItemDetails { Title = "Pengaduan antrean panjang", BidangId = fungsional.BidangId }, fungsional.Id);
        Assert.True(created.Succeeded, created.Message);
        var id = created.InnovationId!.Value;

        // 11.40: 20 of its 2 hours (due 12.00) are left.
        Clock.SetUtcNow(Start.AddMinutes(100));
        var board = context.Render<BoardPage>(p => p.Add(b => b.Slug, "pengaduan-jam"));
        var card = board.WaitForElement($"[data-testid=card-{id}]");
        Assert.Equal("segera jatuh tempo", card.QuerySelector("[data-testid=sla-chip]")!.TextContent);
        Assert.Equal("sisa 20 menit kerja", card.QuerySelector("[data-testid=card-time] span")!.TextContent);
        var waiting = context.Render<WaitingPage>();
        Assert.Equal("segera jatuh tempo · sisa 20 menit kerja",
            waiting.WaitForElement($"[data-testid=waiting-{id}] [data-testid=sla-chip]").TextContent);

        // 14.00: two office hours late, four in the step.
        Clock.SetUtcNow(Start.AddHours(4));
        board = context.Render<BoardPage>(p => p.Add(b => b.Slug, "pengaduan-jam"));
        card = board.WaitForElement($"[data-testid=card-{id}]");
        board.WaitForAssertion(() => Assert.Equal("terlambat 2 jam kerja", board.Find($"[data-testid=card-{id}] [data-testid=sla-chip]").TextContent));
        card = board.Find($"[data-testid=card-{id}]");
        Assert.StartsWith("4 jam kerja", card.QuerySelector("[data-testid=card-time]")!.TextContent);
        Assert.DoesNotContain("hari", card.TextContent);

        // The step is done at 14.00; at 14.10 the 30-minute verification has run 10 minutes.
        await AdvanceAsync(id, fungsional.Id);
        Clock.SetUtcNow(Start.AddHours(4).AddMinutes(10));
        var detail = (await app.Get<InnovationDetailQuery>().LoadAsync(id))!;
        var tracker = context.Render<StepTracker>(p => p
            .Add(t => t.Sop, detail.Sop).Add(t => t.Runs, detail.Runs)
            .Add(t => t.Status, detail.Innovation.Status).Add(t => t.CurrentStep, detail.Innovation.CurrentStep));

        var done = tracker.Find("[data-testid=tracker-step-1]");
        Assert.Equal("4 jam kerja · terlambat 2 jam kerja", done.QuerySelector("[data-testid=tracker-taken]")!.TextContent);
        var current = tracker.Find("[data-testid=tracker-step-2]");
        Assert.Equal("berjalan 10 menit kerja", current.QuerySelector("[data-testid=tracker-taken]")!.TextContent);
        Assert.Equal("segera jatuh tempo · sisa 20 menit kerja", current.QuerySelector("[data-testid=sla-chip]")!.TextContent);
        Assert.DoesNotContain("hari kerja", tracker.Find("[data-testid=tracker-step-1]").TextContent + current.TextContent);
    }

    private async Task AdvanceAsync(int id, string userId)
    {
        await using var db = app.CreateDbContext();
        var version = await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
        var moved = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), userId);
        Assert.True(moved.Succeeded, moved.Message);
    }
}
