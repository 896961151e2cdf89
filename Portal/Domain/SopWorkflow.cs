namespace Portal.Domain;

/// <summary>
/// The SOP as a state machine. Pure: it answers whether an actor may take an action on an
/// innovation, and why not, from the SOP data alone (step kinds, roles and return targets).
/// </summary>
public static class SopWorkflow
{
    public const int MinReasonLength = 10;

    public static WorkflowDecision Decide(SopDocument sop, InnovationState state, WorkflowActor actor, WorkflowAction action)
    {
        if (state.IsFinal)
        {
            return Refuse(state.Status == InnovationStatus.Selesai
                ? $"{sop.ItemNounCapitalized} ini sudah selesai; tidak ada langkah yang dapat dijalankan lagi."
                : $"{sop.ItemNounCapitalized} ini sudah dibatalkan; tidak ada langkah yang dapat dijalankan lagi.");
        }

        if (action.Kind == WorkflowActionKind.Cancel)
        {
            if (!actor.IsAdministrator) return Refuse($"Hanya Administrator yang dapat membatalkan {sop.ItemNoun}.");
            return HasReason(action)
                ? new WorkflowDecision.Allowed(null, InnovationStatus.Dibatalkan, StepOutcome.Dibatalkan, null)
                : Refuse($"Alasan pembatalan wajib diisi, minimal {MinReasonLength} karakter.");
        }

        var step = sop.Step(state.CurrentStep);
        var capacity = CapacityFor(sop, step, state, actor);
        if (capacity is null) return Refuse(WrongActorReason(sop, step, state, actor));

        switch (action.Kind)
        {
            case WorkflowActionKind.Advance when step.Kind is StepKind.Work or StepKind.Verify:
            case WorkflowActionKind.Approve when step.Kind is StepKind.Approve:
                var next = sop.Next(step.Number);
                var outcome = step.Kind switch
                {
                    StepKind.Verify => StepOutcome.Sesuai,
                    StepKind.Approve => StepOutcome.Disetujui,
                    _ => StepOutcome.Selesai,
                };
                return new WorkflowDecision.Allowed(
                    next?.Number,
                    next is null ? InnovationStatus.Selesai : InnovationStatus.Berjalan,
                    outcome,
                    capacity);

            case WorkflowActionKind.Advance:
                return Refuse($"Langkah {step.Number} adalah langkah persetujuan: gunakan tindakan \"Setujui\".");

            case WorkflowActionKind.Approve:
                return Refuse($"Langkah {step.Number} bukan langkah persetujuan: gunakan tindakan \"Lanjutkan\".");

            case WorkflowActionKind.ReturnForRevision:
                if (step.ReturnToStep is not { } target)
                    return Refuse($"Langkah {step.Number} tidak dapat dikembalikan: SOP tidak menetapkan langkah tujuan pengembalian.");
                if (!HasReason(action))
                    return Refuse($"Alasan pengembalian wajib diisi, minimal {MinReasonLength} karakter.");
                return new WorkflowDecision.Allowed(target, InnovationStatus.Berjalan, StepOutcome.TidakSesuai, capacity);

            default:
                return Refuse("Tindakan tidak dikenal.");
        }
    }

    /// <summary>The moves this actor may make now, in the order the card menu lists them.</summary>
    public static IReadOnlyList<AvailableMove> AvailableMoves(SopDocument sop, InnovationState state, WorkflowActor actor)
    {
        var moves = new List<AvailableMove>();
        if (state.IsFinal) return moves;

        var step = sop.Step(state.CurrentStep);
        if (CapacityFor(sop, step, state, actor) is not null)
        {
            var next = sop.Next(step.Number);
            var forward = ForwardAction(step);
            var label = (step.Kind, next) switch
            {
                (StepKind.Verify, { } n) => $"Sesuai — lanjutkan ke langkah {n.Number}",
                (StepKind.Approve, { } n) => $"Setujui — lanjutkan ke langkah {n.Number}",
                (StepKind.Approve, null) => $"Setujui — selesaikan {sop.ItemNoun}",
                (_, { } n) => $"Lanjutkan ke langkah {n.Number}",
                (_, null) => $"Selesaikan {sop.ItemNoun}",
            };
            moves.Add(new AvailableMove(forward, next?.Number, label));
            if (step.ReturnToStep is { } target)
            {
                moves.Add(new AvailableMove(WorkflowActionKind.ReturnForRevision, target,
                    $"Tidak sesuai — kembalikan ke langkah {target}"));
            }
        }

        if (actor.IsAdministrator) moves.Add(new AvailableMove(WorkflowActionKind.Cancel, null, $"Batalkan {sop.ItemNoun}"));
        return moves;
    }

    /// <summary>
    /// Turns a drop on the board into one of the available moves: the next step (or the Selesai column,
    /// <paramref name="targetStep"/> null) means forward, the step's return target means return.
    /// Anything else is refused with the reason.
    /// </summary>
    public static DropResolution ResolveDrop(SopDocument sop, InnovationState state, WorkflowActor actor, int? targetStep)
    {
        if (state.IsFinal || CapacityFor(sop, sop.Step(state.CurrentStep), state, actor) is null)
        {
            var refusal = (WorkflowDecision.Refused)Decide(sop, state, actor, WorkflowAction.Advance());
            return new DropResolution(null, refusal.Reason);
        }

        var move = AvailableMoves(sop, state, actor)
            .FirstOrDefault(m => m.Kind != WorkflowActionKind.Cancel && m.TargetStep == targetStep);
        if (move is not null) return new DropResolution(move, null);

        var step = sop.Step(state.CurrentStep);
        if (targetStep == step.Number) return new DropResolution(null, "Kartu sudah berada di langkah ini.");

        var next = sop.Next(step.Number);
        var nextText = next is null ? "kolom Selesai" : $"langkah {next.Number}";
        if (targetStep is { } back && back < step.Number)
        {
            var returnText = step.ReturnToStep is { } r ? $" atau dikembalikan ke langkah {r} oleh pemeriksa" : "";
            return new DropResolution(null,
                $"Kartu tidak dapat dipindah mundur ke langkah {back}. Dari langkah {step.Number} kartu hanya dapat maju ke {nextText}{returnText}.");
        }
        var targetText = targetStep is null ? "kolom Selesai" : $"langkah {targetStep}";
        return new DropResolution(null,
            $"Tidak boleh melompati langkah: dari langkah {step.Number} kartu hanya dapat maju ke {nextText}, bukan ke {targetText}.");
    }

    public static WorkflowActionKind ForwardAction(SopStepDefinition step) =>
        step.Kind == StepKind.Approve ? WorkflowActionKind.Approve : WorkflowActionKind.Advance;

    /// <summary>The capacity in which the actor may act on this step of this innovation, own role first.</summary>
    public static ActorCapacity? CapacityFor(SopDocument sop, SopStepDefinition step, InnovationState state, WorkflowActor actor) =>
        OfficeRules.CapacityFor(sop, step, state, actor);

    private static string WrongActorReason(SopDocument sop, SopStepDefinition step, InnovationState state, WorkflowActor actor)
    {
        var pelaksana = sop.PelaksanaOf(step).Name;
        return OfficeRules.HoldsLevelElsewhere(sop, step, state, actor)
            ? $"{sop.ItemNounCapitalized} ini milik bidang lain; hanya {pelaksana} dari bidang {sop.ItemNoun} ini yang dapat menjalankan langkah {step.Number}."
            : $"Langkah {step.Number} ({step.ShortName}) adalah tugas {pelaksana}; Anda tidak dapat menjalankannya.";
    }

    private static bool HasReason(WorkflowAction action) =>
        (action.Reason?.Trim().Length ?? 0) >= MinReasonLength;

    private static WorkflowDecision.Refused Refuse(string reason) => new(reason);
}
