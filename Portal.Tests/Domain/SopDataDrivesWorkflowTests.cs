using Portal.Domain;
using static Portal.Tests.Domain.SopFixture;

namespace Portal.Tests.Domain;

/// <summary>An administrator's edit of the SOP changes what the state machine allows, with no rebuild.</summary>
public class SopDataDrivesWorkflowTests
{
    private const string Reason = "Hasil uji coba belum lengkap.";

    private static SopDocument Edit(Func<SopStepDefinition, SopStepDefinition> change)
    {
        var edited = Sop with { Version = 2, Steps = Sop.Steps.Select(change).ToList() };
        Assert.Empty(SopDefinitionRules.Problems(edited));
        return edited;
    }

    [Fact]
    public void Step_8_made_a_verification_returns_to_step_6()
    {
        var kabid = Actor(ActorKind.KepalaBidangOwnBidang);
        var edited = Edit(s => s.Number == 8 ? s with { Kind = StepKind.Verify, ReturnToStep = 6 } : s);

        Assert.IsType<WorkflowDecision.Refused>(SopWorkflow.Decide(Sop, Running(8), kabid, WorkflowAction.Return(Reason)));
        var returned = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(edited, Running(8), kabid, WorkflowAction.Return(Reason)));
        Assert.Equal(6, returned.TargetStep);
        Assert.Equal(StepOutcome.TidakSesuai, returned.Outcome);
        var passed = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(edited, Running(8), kabid, WorkflowAction.Advance()));
        Assert.Equal(StepOutcome.Sesuai, passed.Outcome);

        Assert.Equal(
        [
            new AvailableMove(WorkflowActionKind.Advance, 9, "Sesuai — lanjutkan ke langkah 9"),
            new AvailableMove(WorkflowActionKind.ReturnForRevision, 6, "Tidak sesuai — kembalikan ke langkah 6"),
        ], SopWorkflow.AvailableMoves(edited, Running(8), kabid));
        Assert.Equal(WorkflowActionKind.ReturnForRevision, SopWorkflow.ResolveDrop(edited, Running(8), kabid, 6).Move?.Kind);
        Assert.Contains("dikembalikan ke langkah 6", SopWorkflow.ResolveDrop(edited, Running(8), kabid, 7).RefusalReason);
        Assert.Contains("mundur", SopWorkflow.ResolveDrop(Sop, Running(8), kabid, 6).RefusalReason);
    }

    [Fact]
    public void Changing_a_steps_role_changes_who_acts()
    {
        var edited = Edit(s => s.Number == 3 ? s with { Pelaksana = Sop.Pelaksana.ToList().FindIndex(p => p.Level == PositionLevel.KepalaDinas) } : s);

        Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(edited, Running(3), Actor(ActorKind.KepalaDinas), WorkflowAction.Advance()));
        var refused = Assert.IsType<WorkflowDecision.Refused>(
            SopWorkflow.Decide(edited, Running(3), Actor(ActorKind.KepalaBidangOwnBidang), WorkflowAction.Advance()));
        Assert.Contains("Kepala Dinas", refused.Reason);
        Assert.Empty(SopWorkflow.AvailableMoves(edited, Running(3), Actor(ActorKind.KepalaBidangOwnBidang)));
    }

    [Fact]
    public void Changing_an_approval_into_a_work_step_changes_the_action()
    {
        var kadis = Actor(ActorKind.KepalaDinas);
        var edited = Edit(s => s.Number == 5 ? s with { Kind = StepKind.Work } : s);

        var advanced = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(edited, Running(5), kadis, WorkflowAction.Advance()));
        Assert.Equal(StepOutcome.Selesai, advanced.Outcome);
        Assert.IsType<WorkflowDecision.Refused>(SopWorkflow.Decide(edited, Running(5), kadis, WorkflowAction.Approve()));
        Assert.Equal("Lanjutkan ke langkah 6", Assert.Single(SopWorkflow.AvailableMoves(edited, Running(5), kadis)).Label);
    }

    [Fact]
    public void Step_numbers_come_from_the_data()
    {
        var edited = Edit(s => s with { Number = s.Number * 10, ReturnToStep = s.ReturnToStep * 10 });
        var kabid = Actor(ActorKind.KepalaBidangOwnBidang);
        var kadis = Actor(ActorKind.KepalaDinas);

        Assert.Equal(40, Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(edited, Running(30), kabid, WorkflowAction.Advance())).TargetStep);
        Assert.Equal(20, Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(edited, Running(40), kadis, WorkflowAction.Return(Reason))).TargetStep);
        var finished = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(edited, Running(100), kadis, WorkflowAction.Approve()));
        Assert.Equal(InnovationStatus.Selesai, finished.NewStatus);
        Assert.Contains("melompati", SopWorkflow.ResolveDrop(edited, Running(30), kabid, 31).RefusalReason);
        Assert.NotNull(SopWorkflow.ResolveDrop(edited, Running(30), kabid, 40).Move);
    }

    [Fact]
    public void A_shorter_SOP_ends_after_its_own_last_step()
    {
        var edited = Sop with { Version = 2, Steps = Sop.Steps.Where(s => s.Number is not (5 or 10)).ToList() };
        Assert.Empty(SopDefinitionRules.Problems(edited));
        var kadis = Actor(ActorKind.KepalaDinas);
        var pf = Actor(ActorKind.PejabatFungsionalOwnBidang);

        Assert.Equal(6, Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(edited, Running(4), kadis, WorkflowAction.Advance())).TargetStep);
        var finished = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(edited, Running(9), pf, WorkflowAction.Advance()));
        Assert.Null(finished.TargetStep);
        Assert.Equal(InnovationStatus.Selesai, finished.NewStatus);
        Assert.Equal(StepOutcome.Selesai, finished.Outcome);
        Assert.Equal(new AvailableMove(WorkflowActionKind.Advance, null, "Selesaikan inovasi"),
            Assert.Single(SopWorkflow.AvailableMoves(edited, Running(9), pf)));
        Assert.NotNull(SopWorkflow.ResolveDrop(edited, Running(9), pf, null).Move);
    }
}
