using MudBlazor;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// The person's side of a move, shared by the board's drag and drop, the card menu and the detail page:
/// confirm in a dialog, hand the command to the workflow service, and say what happened.
/// </summary>
public sealed class MoveInteraction(IDialogService dialogs, ISnackbar snackbar, WorkflowService workflow, Office.OfficeTime office)
{
    /// <param name="dismiss">Closes the dialog unanswered (e.g. someone else moved the innovation meanwhile).</param>
    public async Task<WorkflowResult?> RunAsync(int innovationId, long version, string title, SopDocument sop, int currentStepNumber,
        AvailableMove move, string userId, bool outputAttached = true, CancellationToken dismiss = default)
    {
        var currentStep = sop.Step(currentStepNumber);
        // Said before the dialog so nobody fills in a note for a move that cannot happen yet.
        if (!outputAttached && currentStep.RequiresOutput && move.Kind is WorkflowActionKind.Advance or WorkflowActionKind.Approve)
        {
            Refuse(WorkflowService.MissingOutputMessage(sop, currentStep));
            return null;
        }
        var parameters = new DialogParameters<MoveDialog>
        {
            { d => d.Move, move },
            { d => d.CurrentStep, currentStep },
            { d => d.Pelaksana, sop.PelaksanaOf(currentStep).Name },
            { d => d.InnovationTitle, title },
            { d => d.ItemNoun, sop.ItemNoun },
        };
        var dialog = await dialogs.ShowAsync<MoveDialog>(move.Label, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        DialogResult? answer;
        await using (dismiss.Register(() => dialog.Close(DialogResult.Cancel())))
        {
            answer = await dialog.Result;
        }
        if (answer is null || answer.Canceled) return null;

        var result = await workflow.MoveAsync(new MoveCommand(innovationId, version, move.Kind, answer.Data as string), userId);
        Report(result);
        return result;
    }

    /// <summary>A move from a page of many items: its dialog closes, and the person is told, when someone else moves the item first.</summary>
    public async Task<WorkflowResult?> RunPendingAsync(PendingMove pending, Innovations.InnovationSummary item, SopDocument sop, AvailableMove move, string userId)
    {
        WorkflowResult? result;
        try
        {
            result = await RunAsync(item.Id, item.Version, item.Title, sop, item.CurrentStep, move, userId, item.CurrentStepHasOutput, pending.Dismiss.Token);
        }
        finally
        {
            pending.Dismiss.Dispose();
        }
        // Only a dialog still open when the news came was closed by it; a confirmed move reports its own result.
        if (result is null && pending.MovedBy is { } change) RefuseMovedMeanwhile(sop, item.Title, change);
        return result;
    }

    public void Report(WorkflowResult result) =>
        snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Warning);

    public void Refuse(string reason) => snackbar.Add(reason, Severity.Warning);

    /// <summary>Tells the person someone else moved (or cancelled) the item they were about to move.</summary>
    public void RefuseMovedMeanwhile(SopDocument sop, string? title, InnovationChanged change) =>
        Refuse(WorkflowService.ChangedMeanwhileMessage(
            title is null ? $"{sop.ItemNounCapitalized} ini" : $"{sop.ItemNounCapitalized} \"{title}\"",
            change.Action == Data.Entities.AuditActions.InnovationCancelled ? "dibatalkan" : "dipindahkan", change.ActorName, office.DateTime(change.At)));
}
