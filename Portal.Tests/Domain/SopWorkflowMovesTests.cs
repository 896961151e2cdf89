using Portal.Domain;
using static Portal.Tests.Domain.SopFixture;

namespace Portal.Tests.Domain;

public class SopWorkflowMovesTests
{
    public static TheoryData<int, ActorKind> StepsAndActors()
    {
        var data = new TheoryData<int, ActorKind>();
        foreach (var step in Rules.Keys)
            foreach (var actor in Enum.GetValues<ActorKind>())
                data.Add(step, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(StepsAndActors))]
    public void Available_moves_are_exactly_what_the_SOP_lets_this_actor_do(int step, ActorKind actorKind)
    {
        var moves = SopWorkflow.AvailableMoves(Sop, Running(step), Actor(actorKind));

        var expected = new List<(WorkflowActionKind, int?)>();
        if (MayAct(actorKind, step))
        {
            var (_, kind, returnTo) = Rules[step];
            expected.Add((kind == StepKind.Approve ? WorkflowActionKind.Approve : WorkflowActionKind.Advance, NextStep(step)));
            if (returnTo is { } target) expected.Add((WorkflowActionKind.ReturnForRevision, target));
        }
        if (IsAdministrator(actorKind)) expected.Add((WorkflowActionKind.Cancel, null));

        Assert.Equal(expected, moves.Select(m => (m.Kind, m.TargetStep)));
        foreach (var move in moves)
        {
            Assert.Equal(move.Kind is WorkflowActionKind.ReturnForRevision or WorkflowActionKind.Cancel, move.NeedsReason);
            if (move.TargetStep is { } target) Assert.Contains($"langkah {target}", move.Label);
        }
    }

    [Fact]
    public void Every_available_move_is_one_the_state_machine_accepts()
    {
        foreach (var step in Rules.Keys)
        {
            foreach (var actorKind in Enum.GetValues<ActorKind>())
            {
                var actor = Actor(actorKind);
                foreach (var move in SopWorkflow.AvailableMoves(Sop, Running(step), actor))
                {
                    var decision = SopWorkflow.Decide(Sop, Running(step), actor,
                        new WorkflowAction(move.Kind, move.NeedsReason ? "Alasan yang cukup panjang." : null));
                    var allowed = Assert.IsType<WorkflowDecision.Allowed>(decision);
                    if (move.Kind != WorkflowActionKind.Cancel) Assert.Equal(move.TargetStep, allowed.TargetStep);
                }
            }
        }
    }

    [Theory]
    [InlineData(2, "Lanjutkan ke langkah 3")]
    [InlineData(3, "Sesuai — lanjutkan ke langkah 4")]
    [InlineData(5, "Setujui — lanjutkan ke langkah 6")]
    public void Forward_labels_say_what_happens(int step, string label)
    {
        var actor = Actor(Rules[step].Role switch
        {
            PositionLevel.Staf => ActorKind.PejabatFungsionalOwnBidang,
            PositionLevel.KepalaBidang => ActorKind.KepalaBidangOwnBidang,
            _ => ActorKind.KepalaDinas,
        });

        Assert.Equal(label, SopWorkflow.AvailableMoves(Sop, Running(step), actor)[0].Label);
    }

    [Fact]
    public void Last_step_approval_finishes_the_innovation()
    {
        var moves = SopWorkflow.AvailableMoves(Sop, Running(10), Actor(ActorKind.KepalaDinasAndAdministrator));

        Assert.Collection(moves,
            m => Assert.Equal(new AvailableMove(WorkflowActionKind.Approve, null, "Setujui — selesaikan inovasi"), m),
            m => Assert.Equal(new AvailableMove(WorkflowActionKind.Cancel, null, "Batalkan inovasi"), m));
    }

    [Theory]
    [InlineData(InnovationStatus.Selesai)]
    [InlineData(InnovationStatus.Dibatalkan)]
    public void Final_innovations_offer_no_moves_to_anyone(InnovationStatus status)
    {
        foreach (var actorKind in Enum.GetValues<ActorKind>())
        {
            Assert.Empty(SopWorkflow.AvailableMoves(Sop, new InnovationState(10, status, OwnBidang), Actor(actorKind)));
        }
    }

    [Theory]
    [InlineData(1, ActorKind.PejabatFungsionalOwnBidang, 2, WorkflowActionKind.Advance)]
    [InlineData(3, ActorKind.KepalaBidangOwnBidang, 4, WorkflowActionKind.Advance)]
    [InlineData(3, ActorKind.PlhKepalaBidang, 4, WorkflowActionKind.Advance)]
    [InlineData(3, ActorKind.KepalaBidangOwnBidang, 2, WorkflowActionKind.ReturnForRevision)]
    [InlineData(4, ActorKind.KepalaDinas, 5, WorkflowActionKind.Advance)]
    [InlineData(4, ActorKind.KepalaDinas, 2, WorkflowActionKind.ReturnForRevision)]
    [InlineData(5, ActorKind.KepalaDinas, 6, WorkflowActionKind.Approve)]
    [InlineData(9, ActorKind.PejabatFungsionalOwnBidang, 10, WorkflowActionKind.Advance)]
    [InlineData(10, ActorKind.KepalaDinas, null, WorkflowActionKind.Approve)]
    public void Drop_on_the_next_step_or_the_return_target_becomes_that_move(int step, ActorKind actorKind, int? target, WorkflowActionKind kind)
    {
        var drop = SopWorkflow.ResolveDrop(Sop, Running(step), Actor(actorKind), target);

        Assert.Null(drop.RefusalReason);
        Assert.NotNull(drop.Move);
        Assert.Equal(kind, drop.Move.Kind);
        Assert.Equal(target, drop.Move.TargetStep);
    }

    [Theory]
    [InlineData(4, 4, "sudah berada di langkah ini")]
    [InlineData(1, 3, "melompati")]
    [InlineData(2, 5, "melompati")]
    [InlineData(9, null, "melompati")]
    [InlineData(4, 3, "mundur")]
    [InlineData(3, 1, "mundur")]
    [InlineData(6, 5, "mundur")]
    [InlineData(10, 9, "mundur")]
    public void Drop_anywhere_else_is_refused_with_the_reason(int step, int? target, string reason)
    {
        var actor = Actor(Rules[step].Role switch
        {
            PositionLevel.Staf => ActorKind.PejabatFungsionalOwnBidang,
            PositionLevel.KepalaBidang => ActorKind.KepalaBidangOwnBidang,
            _ => ActorKind.KepalaDinasAndAdministrator,
        });

        var drop = SopWorkflow.ResolveDrop(Sop, Running(step), actor, target);

        Assert.Null(drop.Move);
        Assert.Contains(reason, drop.RefusalReason);
        if (target != step) Assert.Contains($"dari langkah {step}", drop.RefusalReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Refused_drops_name_where_the_card_may_go()
    {
        var kadis = Actor(ActorKind.KepalaDinas);

        Assert.Equal(
            "Kartu tidak dapat dipindah mundur ke langkah 3. Dari langkah 4 kartu hanya dapat maju ke langkah 5 atau dikembalikan ke langkah 2 oleh pemeriksa.",
            SopWorkflow.ResolveDrop(Sop, Running(4), kadis, 3).RefusalReason);
        Assert.Equal(
            "Tidak boleh melompati langkah: dari langkah 9 kartu hanya dapat maju ke langkah 10, bukan ke kolom Selesai.",
            SopWorkflow.ResolveDrop(Sop, Running(9), Actor(ActorKind.PejabatFungsionalOwnBidang), null).RefusalReason);
        Assert.Equal(
            "Kartu tidak dapat dipindah mundur ke langkah 9. Dari langkah 10 kartu hanya dapat maju ke kolom Selesai.",
            SopWorkflow.ResolveDrop(Sop, Running(10), kadis, 9).RefusalReason);
    }

    [Theory]
    [InlineData(3, ActorKind.PejabatFungsionalOwnBidang, "Kepala Bidang")]
    [InlineData(3, ActorKind.KepalaBidangOtherBidang, "bidang lain")]
    [InlineData(4, ActorKind.AdministratorOnly, "Kepala Dinas")]
    [InlineData(1, ActorKind.Pemantau, "Pejabat Fungsional")]
    public void Drop_by_someone_who_may_not_act_is_refused_whatever_the_target(int step, ActorKind actorKind, string mention)
    {
        foreach (var target in new int?[] { step + 1, 2, null })
        {
            var drop = SopWorkflow.ResolveDrop(Sop, Running(step), Actor(actorKind), target);

            Assert.Null(drop.Move);
            Assert.Contains(mention, drop.RefusalReason);
        }
    }

    [Theory]
    [InlineData(InnovationStatus.Selesai, "sudah selesai")]
    [InlineData(InnovationStatus.Dibatalkan, "sudah dibatalkan")]
    public void Drop_of_a_final_innovation_is_refused(InnovationStatus status, string mention)
    {
        var drop = SopWorkflow.ResolveDrop(Sop, new InnovationState(10, status, OwnBidang), Actor(ActorKind.KepalaDinasAndAdministrator), null);

        Assert.Null(drop.Move);
        Assert.Contains(mention, drop.RefusalReason);
    }
}
