using Portal.Domain;
using static Portal.Tests.Domain.SopFixture;

namespace Portal.Tests.Domain;

public enum TestAction
{
    Advance,
    ReturnWithReason,
    ReturnWithShortReason,
    Approve,
    CancelWithReason,
    CancelWithShortReason,
    CancelWithoutReason,
}

/// <summary>
/// Every step × every kind of actor × every action against SOP v1. The expected answer comes from the
/// SOP rules (<see cref="SopFixture.Rules"/>), never from the state machine itself.
/// </summary>
public class SopWorkflowDecideTests
{
    private const string ValidReason = "Konsep belum memuat alur pelayanan.";
    private const string ShortReason = "kurang";

    public static TheoryData<int, ActorKind, TestAction> RunningCases()
    {
        var data = new TheoryData<int, ActorKind, TestAction>();
        foreach (var step in Rules.Keys)
            foreach (var actor in Enum.GetValues<ActorKind>())
                foreach (var action in Enum.GetValues<TestAction>())
                    data.Add(step, actor, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(RunningCases))]
    public void Running_innovation_follows_the_SOP(int step, ActorKind actorKind, TestAction action)
    {
        var decision = SopWorkflow.Decide(Sop, Running(step), Actor(actorKind), ToAction(action));

        switch (Expected(step, actorKind, action))
        {
            case Allow allow:
                var allowed = Assert.IsType<WorkflowDecision.Allowed>(decision);
                Assert.Equal(allow.Target, allowed.TargetStep);
                Assert.Equal(allow.Status, allowed.NewStatus);
                Assert.Equal(allow.Outcome, allowed.Outcome);
                Assert.Equal(allow.ActingAs, allowed.ActingAs);
                break;
            case Refuse refuse:
                var refused = Assert.IsType<WorkflowDecision.Refused>(decision);
                Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
                foreach (var fragment in refuse.Mentions)
                    Assert.Contains(fragment, refused.Reason, StringComparison.OrdinalIgnoreCase);
                break;
        }
    }

    public static TheoryData<InnovationStatus, int, ActorKind, TestAction> FinalCases()
    {
        var data = new TheoryData<InnovationStatus, int, ActorKind, TestAction>();
        foreach (var (status, steps) in new[] { (InnovationStatus.Selesai, new[] { 10 }), (InnovationStatus.Dibatalkan, new[] { 1, 3, 4, 5, 8, 10 }) })
            foreach (var step in steps)
                foreach (var actor in Enum.GetValues<ActorKind>())
                    foreach (var action in Enum.GetValues<TestAction>())
                        data.Add(status, step, actor, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(FinalCases))]
    public void Final_innovation_refuses_every_action(InnovationStatus status, int step, ActorKind actorKind, TestAction action)
    {
        var decision = SopWorkflow.Decide(Sop, new InnovationState(step, status, OwnBidang), Actor(actorKind), ToAction(action));

        var refused = Assert.IsType<WorkflowDecision.Refused>(decision);
        Assert.Contains(status == InnovationStatus.Selesai ? "sudah selesai" : "sudah dibatalkan", refused.Reason);
    }

    [Theory]
    [InlineData("123456789", false)]
    [InlineData("1234567890", true)]
    [InlineData("   12345678   ", false)]
    [InlineData("          ", false)]
    [InlineData(null, false)]
    public void Return_reason_needs_ten_characters_not_counting_surrounding_spaces(string? reason, bool allowed)
    {
        var decision = SopWorkflow.Decide(Sop, Running(3), Actor(ActorKind.KepalaBidangOwnBidang),
            new WorkflowAction(WorkflowActionKind.ReturnForRevision, reason));

        Assert.Equal(allowed, decision is WorkflowDecision.Allowed);
    }

    [Theory]
    [InlineData("123456789", false)]
    [InlineData("1234567890", true)]
    [InlineData("   12345678   ", false)]
    public void Cancel_reason_needs_ten_characters(string reason, bool allowed)
    {
        var decision = SopWorkflow.Decide(Sop, Running(6), Actor(ActorKind.AdministratorOnly), WorkflowAction.Cancel(reason));

        Assert.Equal(allowed, decision is WorkflowDecision.Allowed);
    }

    [Fact]
    public void Plh_acts_for_the_principals_bidang_and_the_decision_names_the_principal()
    {
        var plh = Actor(ActorKind.PlhKepalaBidang);

        var forPrincipal = Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(Sop, Running(3, OwnBidang), plh, WorkflowAction.Return(ValidReason)));
        var ownWork = Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(Sop, Running(8, OtherBidang), plh, WorkflowAction.Advance()));

        Assert.Equal(2, forPrincipal.TargetStep);
        Assert.Equal(new ActorCapacity(PositionLevel.KepalaBidang, OwnBidang, PrincipalKabid, "Plh."), forPrincipal.ActingAs);
        Assert.Equal(new ActorCapacity(PositionLevel.KepalaBidang, OtherBidang), ownWork.ActingAs);
        Assert.Null(ownWork.ActingAs!.OnBehalfOf);
    }

    [Fact]
    public void Plh_capacity_does_not_reach_a_third_bidang()
    {
        var decision = SopWorkflow.Decide(Sop, Running(3, bidang: 3), Actor(ActorKind.PlhKepalaBidang), WorkflowAction.Advance());

        var refused = Assert.IsType<WorkflowDecision.Refused>(decision);
        Assert.Contains("bidang lain", refused.Reason);
    }

    [Fact]
    public void Own_role_is_preferred_over_a_substitution_for_the_same_role_and_bidang()
    {
        var actor = new WorkflowActor("kadis", "Rahmawati",
        [
            new ActorCapacity(PositionLevel.KepalaDinas, null, "Kepala Dinas lama", "Plt."),
            new ActorCapacity(PositionLevel.KepalaDinas, null),
        ]);

        var allowed = Assert.IsType<WorkflowDecision.Allowed>(
            SopWorkflow.Decide(Sop, Running(5), actor, WorkflowAction.Approve()));

        Assert.Null(allowed.ActingAs!.OnBehalfOf);
    }

    [Fact]
    public void Plh_Kepala_Dinas_acts_on_every_bidang_on_behalf_of_the_Kepala_Dinas()
    {
        var sekretaris = new WorkflowActor("sek", "Sekretaris",
        [
            new ActorCapacity(PositionLevel.Staf, 5),
            new ActorCapacity(PositionLevel.KepalaDinas, null, "Hj. Rahmawati Saleh", "Plh."),
        ]);

        foreach (var bidang in new[] { OwnBidang, OtherBidang })
        {
            var allowed = Assert.IsType<WorkflowDecision.Allowed>(
                SopWorkflow.Decide(Sop, Running(10, bidang), sekretaris, WorkflowAction.Approve()));
            Assert.Equal(InnovationStatus.Selesai, allowed.NewStatus);
            Assert.Equal("Hj. Rahmawati Saleh", allowed.ActingAs!.OnBehalfOf);
        }
    }

    private static WorkflowAction ToAction(TestAction action) => action switch
    {
        TestAction.Advance => WorkflowAction.Advance(),
        TestAction.ReturnWithReason => WorkflowAction.Return(ValidReason),
        TestAction.ReturnWithShortReason => WorkflowAction.Return(ShortReason),
        TestAction.Approve => WorkflowAction.Approve(),
        TestAction.CancelWithReason => WorkflowAction.Cancel("Program dihentikan oleh pimpinan."),
        TestAction.CancelWithShortReason => WorkflowAction.Cancel(ShortReason),
        TestAction.CancelWithoutReason => new WorkflowAction(WorkflowActionKind.Cancel),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private abstract record Expectation;
    private sealed record Allow(int? Target, InnovationStatus Status, StepOutcome Outcome, ActorCapacity? ActingAs) : Expectation;
    private sealed record Refuse(params string[] Mentions) : Expectation;

    private static Expectation Expected(int step, ActorKind actor, TestAction action)
    {
        if (action is TestAction.CancelWithReason or TestAction.CancelWithShortReason or TestAction.CancelWithoutReason)
        {
            if (!IsAdministrator(actor)) return new Refuse("Administrator");
            return action == TestAction.CancelWithReason
                ? new Allow(null, InnovationStatus.Dibatalkan, StepOutcome.Dibatalkan, null)
                : new Refuse("minimal 10 karakter");
        }

        var (role, kind, returnTo) = Rules[step];
        var stepText = $"langkah {step}";
        if (!MayAct(actor, step))
        {
            return RolesForOtherBidangOnly(actor).Contains(role)
                ? new Refuse(stepText, RoleName(role), "bidang lain")
                : new Refuse(stepText, RoleName(role));
        }

        var actingAs = actor == ActorKind.PlhKepalaBidang
            ? new ActorCapacity(role, OwnBidang, PrincipalKabid, "Plh.")
            : new ActorCapacity(role, role == PositionLevel.KepalaDinas ? null : OwnBidang);
        var next = NextStep(step);
        return action switch
        {
            TestAction.Advance when kind == StepKind.Approve => new Refuse(stepText, "Setujui"),
            TestAction.Advance => new Allow(next, InnovationStatus.Berjalan,
                kind == StepKind.Verify ? StepOutcome.Sesuai : StepOutcome.Selesai, actingAs),
            TestAction.Approve when kind != StepKind.Approve => new Refuse(stepText, "Lanjutkan"),
            TestAction.Approve => new Allow(next, next is null ? InnovationStatus.Selesai : InnovationStatus.Berjalan,
                StepOutcome.Disetujui, actingAs),
            TestAction.ReturnWithReason or TestAction.ReturnWithShortReason when returnTo is null =>
                new Refuse(stepText, "tidak dapat dikembalikan"),
            TestAction.ReturnWithReason => new Allow(returnTo, InnovationStatus.Berjalan, StepOutcome.TidakSesuai, actingAs),
            TestAction.ReturnWithShortReason => new Refuse("minimal 10 karakter"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    internal static string RoleName(PositionLevel role) => role switch
    {
        PositionLevel.Staf => "Pejabat Fungsional",
        PositionLevel.KepalaBidang => "Kepala Bidang",
        PositionLevel.KepalaDinas => "Kepala Dinas",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
