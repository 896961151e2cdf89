namespace Portal.Domain;

public enum InnovationStatus { Berjalan, Selesai, Dibatalkan }

public enum WorkflowActionKind { Advance, ReturnForRevision, Approve, Cancel }

/// <summary>How a step run ended; recorded on the run and in the audit trail.</summary>
public enum StepOutcome { Selesai, Sesuai, TidakSesuai, Disetujui, Dibatalkan }

/// <summary>Where an innovation stands: its current step (while running), status and owning bidang.</summary>
public sealed record InnovationState(int CurrentStep, InnovationStatus Status, int BidangId)
{
    public bool IsFinal => Status is not InnovationStatus.Berjalan;
}

/// <summary>
/// One position a person may act in: their own, or one they hold as an acting official (<paramref name="ActingTitle"/>
/// is "Plt." or "Plh."), for the person named by <paramref name="OnBehalfOf"/> or, when that is null, for a vacant
/// position. <paramref name="BidangId"/> null means the position covers the whole office.
/// </summary>
public sealed record ActorCapacity(PositionLevel Level, int? BidangId, string? OnBehalfOf = null, string? ActingTitle = null, string? PositionName = null)
{
    public bool IsActing => ActingTitle is not null;

    /// <summary>"Plt. Kepala Bidang Pelayanan Pencatatan Sipil" when acting; null in one's own position.</summary>
    public string? ActingAs => IsActing ? $"{ActingTitle} {PositionName}".TrimEnd() : null;
}

public sealed record WorkflowActor(
    string UserId,
    string DisplayName,
    IReadOnlyList<ActorCapacity> Capacities,
    bool IsAdministrator = false);

public sealed record WorkflowAction(WorkflowActionKind Kind, string? Reason = null)
{
    public static WorkflowAction Advance(string? note = null) => new(WorkflowActionKind.Advance, note);
    public static WorkflowAction Approve(string? note = null) => new(WorkflowActionKind.Approve, note);
    public static WorkflowAction Return(string reason) => new(WorkflowActionKind.ReturnForRevision, reason);
    public static WorkflowAction Cancel(string reason) => new(WorkflowActionKind.Cancel, reason);
}

public abstract record WorkflowDecision
{
    public sealed record Allowed(
        int? TargetStep,
        InnovationStatus NewStatus,
        StepOutcome Outcome,
        ActorCapacity? ActingAs) : WorkflowDecision;

    public sealed record Refused(string Reason) : WorkflowDecision;
}

/// <summary>A move this person may make now, as the board's drop zones and the card menu offer it.</summary>
public sealed record AvailableMove(WorkflowActionKind Kind, int? TargetStep, string Label)
{
    public bool NeedsReason => Kind is WorkflowActionKind.ReturnForRevision or WorkflowActionKind.Cancel;
}

/// <summary>What a drop on the board means: a move to confirm, or the reason it is refused.</summary>
public sealed record DropResolution(AvailableMove? Move, string? RefusalReason);
