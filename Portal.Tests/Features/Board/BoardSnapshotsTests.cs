using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

/// <summary>The board snapshots (one per SOP) every open board shares, on the real portal services and database.</summary>
public sealed class BoardSnapshotsTests(BoardSnapshotsTests.App app) : IClassFixture<BoardSnapshotsTests.App>
{
    // Mon 2 Nov 2026 10:00 WITA.
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero)));

    private BoardSnapshots Snapshots => app.Get<BoardSnapshots>();

    private async Task<BoardUpdate> NextUpdateAsync(Func<BoardUpdate, bool> matches, Func<Task> action) =>
        await NextUpdateAsync(await app.InnovationSopIdAsync(), matches, action);

    private async Task<BoardUpdate> NextUpdateAsync(int sopId, Func<BoardUpdate, bool> matches, Func<Task> action)
    {
        var next = new TaskCompletionSource<BoardUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Snapshots.Subscribe(sopId, update =>
        {
            if (matches(update)) next.TrySetResult(update);
            return Task.CompletedTask;
        });
        await action();
        return await next.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_move_replaces_only_the_moved_innovation_and_every_board_hears_of_it()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Uji potret papan"), fungsional);
        var id = created.InnovationId!.Value;
        await app.AttachAsync(id, fungsional);
        var before = await Snapshots.GetAsync(await app.InnovationSopIdAsync());
        var moved = before.Find(id)!;
        var others = before.Items.Where(i => i.Id != id).ToList();

        var update = await NextUpdateAsync(u => u.Change?.InnovationId == id && u.Snapshot.Find(id)?.CurrentStep == 2,
            async () => Assert.True((await workflow.MoveAsync(new MoveCommand(id, moved.Version, WorkflowActionKind.Advance), fungsional)).Succeeded));

        Assert.Equal(1, update.Change!.FromStep);
        Assert.Same(update.Snapshot, await Snapshots.GetAsync(await app.InnovationSopIdAsync()));
        // The other cards keep their instances, so their HTML and views are reused by every open board.
        Assert.All(others, old => Assert.Same(old, update.Snapshot.Find(old.Id)));
        // A snapshot never changes under a board that is rendering it.
        Assert.Equal(1, before.Find(id)!.CurrentStep);
        // Updates reach boards on tasks of their own: should the one before arrive after this one, it does not replace it.
        Assert.True(update.Snapshot.Replaces(before));
        Assert.False(before.Replaces(update.Snapshot));
        Assert.False(update.Snapshot.Replaces(update.Snapshot));
    }

    [Fact]
    public async Task A_cancelled_innovation_leaves_the_board()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var workflow = app.Get<WorkflowService>();
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Uji batal dari papan"), fungsional);
        var id = created.InnovationId!.Value;
        await Snapshots.GetAsync(await app.InnovationSopIdAsync());

        var update = await NextUpdateAsync(u => u.Change?.InnovationId == id && u.Change.Status == InnovationStatus.Dibatalkan,
            async () => Assert.True((await workflow.MoveAsync(new MoveCommand(id, created.Version!.Value, WorkflowActionKind.Cancel, "Usulan ganda"), admin)).Succeeded));

        Assert.Null(update.Snapshot.Find(id));
    }

    [Fact]
    public async Task Once_a_minute_lateness_is_judged_again_and_changes_made_outside_the_workflow_show()
    {
        var clock = (FakeTimeProvider)app.Get<TimeProvider>();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Uji terlambat di potret"), fungsional);
        var id = created.InnovationId!.Value;
        await Snapshots.GetAsync(await app.InnovationSopIdAsync());
        await using (var db = app.CreateDbContext())
        {
            var due = await db.StepRuns.Where(r => r.InnovationId == id).Select(r => r.DueAt).SingleAsync();
            // A rename by an administrator does not go through the workflow.
            var bidangId = await db.Innovations.Where(i => i.Id == id).Select(i => i.BidangId).SingleAsync();
            var bidang = await db.Bidang.SingleAsync(b => b.Id == bidangId);
            bidang.ShortName += " (baru)";
            await db.SaveChangesAsync();
            // Only now does the clock move: moving it fires the minute refresh, which must not read the database before the rename.
            clock.SetUtcNow(due!.Value.AddSeconds(-30));
        }

        var update = await NextUpdateAsync(u => u.Change is null && u.Snapshot.Find(id)?.Sla.Level == SlaLevel.Late,
            () =>
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                return Task.CompletedTask;
            });

        Assert.EndsWith("(baru)", update.Snapshot.Find(id)!.Bidang);
    }
}
