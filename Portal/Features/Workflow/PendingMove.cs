namespace Portal.Features.Workflow;

/// <summary>
/// A move whose dialog is open on a page of many items (the board, the waiting list): when someone else moves the
/// item first, the dialog closes unanswered and the person is told who moved it (<see cref="MoveInteraction.RunPendingAsync"/>).
/// </summary>
public sealed class PendingMove(int innovationId)
{
    public int InnovationId { get; } = innovationId;
    public CancellationTokenSource Dismiss { get; } = new();
    public InnovationChanged? MovedBy { get; private set; }

    /// <summary>Closes the dialog when this change took the item away from the step it was being moved from.</summary>
    public bool Notice(InnovationChanged change)
    {
        if (change.InnovationId != InnovationId || !change.LeftStep) return false;
        MovedBy = change;
        Dismiss.Cancel();
        return true;
    }
}
