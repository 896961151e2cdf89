using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Workflow;

/// <summary>
/// Moves queue for their turn to write. These tests hold the turn themselves so that the queueing moves are known to
/// have read and decided before any of them writes: the race is certain, not left to the scheduler.
/// </summary>
public sealed class WriteGateTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly WorkflowService workflow = app.Get<WorkflowService>();
    private readonly WriteGate gate = app.Get<WriteGate>();

    [Fact]
    public async Task Two_people_who_decided_on_the_same_version_while_queued_one_move_is_stored_and_the_other_is_told_who_moved_it()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var colleague = await app.IdAsync(DemoPeople.FungsionalPdip2);
        var (id, seen) = await NewInnovationReadyToAdvanceAsync(fungsional, "Layanan antar dokumen");

        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = gate.RunAsync(() => turn.Task, CancellationToken.None);
        var moves = new[] { fungsional, colleague }
            .Select(user => Task.Run(() => workflow.MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), user)))
            .ToArray();
        await UntilAsync(() => gate.Waiting == 2);
        turn.SetResult();
        await holder;
        var results = await Task.WhenAll(moves);

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.StartsWith("Inovasi ini sudah dipindahkan oleh", loser.Message);
        await using var db = app.CreateDbContext();
        Assert.Equal((2, seen + 1), await db.Innovations.Where(i => i.Id == id).Select(i => ValueTuple.Create(i.CurrentStep, i.Version)).SingleAsync());
        Assert.Equal([1, 2], await db.StepRuns.Where(r => r.InnovationId == id).OrderBy(r => r.Id).Select(r => r.StepNumber).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.InnovationId == id && a.Action == AuditActions.StepAdvanced));
    }

    [Fact]
    public async Task A_move_abandoned_while_waiting_for_its_turn_stores_nothing_and_the_next_move_still_gets_its_turn()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var (id, seen) = await NewInnovationReadyToAdvanceAsync(fungsional, "Loket prioritas lansia");

        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = gate.RunAsync(() => turn.Task, CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var abandoned = Task.Run(() => workflow.MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), fungsional, leaving.Token));
        await UntilAsync(() => gate.Waiting == 1);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(0, gate.Waiting);
        turn.SetResult();
        await holder;

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal((1, seen), await db.Innovations.Where(i => i.Id == id).Select(i => ValueTuple.Create(i.CurrentStep, i.Version)).SingleAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.InnovationId == id && a.Action == AuditActions.StepAdvanced));
        }
        var retried = await workflow.MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), fungsional);
        Assert.True(retried.Succeeded, retried.Message);
    }

    private async Task<(int Id, long Version)> NewInnovationReadyToAdvanceAsync(string fungsional, string title)
    {
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details(title), fungsional);
        Assert.True(created.Succeeded, created.Message);
        var id = created.InnovationId!.Value;
        await app.AttachAsync(id, fungsional);
        await using var db = app.CreateDbContext();
        return (id, await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience) throw new TimeoutException($"Condition not met after {Patience.TotalSeconds} s.");
            await Task.Delay(10);
        }
    }
}
