using FluentValidation;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>A request to move an innovation: the version the person saw, the action and its reason or note.</summary>
public sealed record MoveCommand(int InnovationId, long ExpectedVersion, WorkflowActionKind Action, string? Reason = null);

public sealed class MoveCommandValidator : AbstractValidator<MoveCommand>
{
    public const int MaxNoteLength = 1000;

    public MoveCommandValidator()
    {
        RuleFor(c => c.InnovationId).GreaterThan(0).WithMessage("Inovasi tidak dikenal.");
        RuleFor(c => c.Action).IsInEnum().WithMessage("Tindakan tidak dikenal.");
        RuleFor(c => c.Reason)
            .Must(r => (r?.Trim().Length ?? 0) >= SopWorkflow.MinReasonLength)
            .When(c => c.Action is WorkflowActionKind.ReturnForRevision or WorkflowActionKind.Cancel)
            .WithMessage(c => c.Action == WorkflowActionKind.Cancel
                ? $"Alasan pembatalan wajib diisi, minimal {SopWorkflow.MinReasonLength} karakter."
                : $"Alasan pengembalian wajib diisi, minimal {SopWorkflow.MinReasonLength} karakter.");
        RuleFor(c => c.Reason).MaximumLength(MaxNoteLength)
            .WithMessage($"Catatan atau alasan paling banyak {MaxNoteLength} karakter.");
    }
}
