using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Office;
using Portal.Features.Operations.Faults;

namespace Portal.Features.Workflow;

/// <summary>A running step whose due date a change of the working calendar moved.</summary>
public sealed record DueDateMoved(int InnovationId, int StepNumber, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// The one write path for innovations: validate, ask the SOP state machine, stage the change to the innovation,
/// its step runs and the audit trail, then store it in one immediate transaction, in turn through the
/// <see cref="WriteGate"/>; publish after the commit. The reading and deciding happen before queueing, so the turn is
/// short; under the write lock the innovation's version is checked again, and if anyone changed the innovation
/// meanwhile nothing is stored and the person is told who did.
/// </summary>
public sealed class WorkflowService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopCatalog sops,
    CalendarProvider calendars,
    InnovationEvents events,
    WriteGate writeGate,
    PortalDatabase database,
    IValidator<MoveCommand> moveValidator,
    IValidator<InnovationDetails> detailsValidator,
    IValidator<SopItemDetails> itemValidator,
    ItemFieldsCreate itemFields,
    TimeProvider clock,
    OfficeTime officeTime,
    ILogger<WorkflowService> logger)
{
    public async Task<WorkflowResult> MoveAsync(MoveCommand command, string userId, CancellationToken cancellationToken = default)
    {
        var validation = await moveValidator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return WorkflowResult.Refused(validation.Errors[0].ErrorMessage);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the whole move: the reads below would otherwise each open one (and set its pragmas).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var innovation = await db.Innovations.FirstOrDefaultAsync(i => i.Id == command.InnovationId, cancellationToken);
        if (innovation is null) return WorkflowResult.Refused("Inovasi tidak ditemukan.");
        if (innovation.Version != command.ExpectedVersion) return await StaleRefusalAsync(innovation, "dipindahkan", cancellationToken);

        var actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock), cancellationToken);
        if (actor is null) return WorkflowResult.Refused("Akun Anda tidak aktif atau tidak dikenal.");

        var sop = await sops.GetAsync(innovation.SopDefinitionId, cancellationToken);
        var action = new WorkflowAction(command.Action, command.Reason?.Trim());
        var verdict = SopWorkflow.Decide(sop, innovation.State, actor, action);
        if (verdict is WorkflowDecision.Refused refused) return WorkflowResult.Refused(refused.Reason);
        var decision = (WorkflowDecision.Allowed)verdict;
        var currentStep = sop.Step(innovation.CurrentStep);
        // Outputs are only ever added or replaced, never removed: one seen here is still there when the move is stored.
        if (decision.Outcome is StepOutcome.Selesai or StepOutcome.Sesuai or StepOutcome.Disetujui && currentStep.RequiresOutput
            && !await db.Attachments.AnyAsync(a => a.InnovationId == innovation.Id && a.StepRun!.FinishedAt == null && a.SupersededAt == null, cancellationToken))
        {
            // These reads are not one snapshot: if someone moved the innovation on in between (closing the run that
            // held the output), that, not a missing output, is what this person must be told.
            if (await db.Innovations.AnyAsync(i => i.Id == innovation.Id && i.Version != command.ExpectedVersion, cancellationToken))
                return await StaleRefusalFromDatabaseAsync(innovation.Id, "dipindahkan", cancellationToken);
            return WorkflowResult.Refused(MissingOutputMessage(sop, currentStep));
        }

        var now = clock.GetUtcNow();
        var fromStep = innovation.CurrentStep;
        var fromStatus = innovation.Status;
        var onBehalfOf = decision.ActingAs?.OnBehalfOf;
        var actorLabel = ActorLabel(actor, decision.ActingAs);

        var openRun = await db.StepRuns
            .Where(r => r.InnovationId == innovation.Id && r.FinishedAt == null)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (openRun is not null)
        {
            openRun.FinishedAt = now;
            openRun.Outcome = decision.Outcome;
            openRun.FinishedById = actor.UserId;
            openRun.FinishedByName = actor.DisplayName;
            openRun.OnBehalfOf = onBehalfOf;
            openRun.ActingTitle = decision.ActingAs?.ActingTitle;
            openRun.ActingPosition = decision.ActingAs is { IsActing: true } acting ? acting.PositionName : null;
            openRun.Note = action.Reason;
        }

        StepRun? opened = null;
        if (decision.TargetStep is { } target && decision.NewStatus == InnovationStatus.Berjalan)
        {
            innovation.CurrentStep = target;
            opened = await OpenRunAsync(db, innovation.Id, target, now, cancellationToken);
        }
        innovation.Status = decision.NewStatus;
        if (decision.Outcome == StepOutcome.TidakSesuai) innovation.ReturnCount++;
        Touch(innovation, actorLabel, now);

        var auditAction = AuditActionFor(decision.Outcome);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            ActorId = actor.UserId,
            ActorName = actorLabel,
            OnBehalfOf = onBehalfOf,
            Action = auditAction,
            InnovationId = innovation.Id,
            FromStep = fromStep,
            ToStep = decision.NewStatus == InnovationStatus.Berjalan ? innovation.CurrentStep : null,
            FromStatus = fromStatus.Name(),
            ToStatus = decision.NewStatus.Name(),
            Reason = action.Reason,
        });

        var stampDueDate = opened is null ? null : (Action<WorkingCalendar>)(calendar => StampDueDate(opened, sop.Step(opened.StepNumber), calendar));
        bool saved;
        try
        {
            saved = await SaveInTurnAsync(db, innovation.Id, command.ExpectedVersion, stampDueDate, cancellationToken);
        }
        catch (StorageFailureException failure)
        {
            return WorkflowResult.Refused(failure.Message);
        }
        if (!saved)
        {
            logger.LogInformation("Concurrent move of innovation {InnovationId} lost the race", innovation.Id);
            return await StaleRefusalFromDatabaseAsync(innovation.Id, "dipindahkan", cancellationToken);
        }

        events.Publish(new InnovationChanged(innovation.Id, auditAction, fromStep,
            innovation.Status == InnovationStatus.Berjalan ? innovation.CurrentStep : null,
            innovation.Status, actorLabel, now));
        return WorkflowResult.Done(DoneMessage(decision, sop), innovation.Id, innovation.Version);
    }

    /// <summary>Proposes an innovation on the innovation SOP (the SOP whose record is the Laporan Inovasi Pelayanan).</summary>
    public async Task<WorkflowResult> CreateAsync(InnovationDetails details, string userId, CancellationToken cancellationToken = default)
    {
        var innovationSop = (await sops.ListAsync(cancellationToken)).First(s => s.RecordKind == SopRecordKind.InovasiPelayanan);
        return await CreateAsync(innovationSop.Id, details, userId, cancellationToken);
    }

    /// <summary>Proposes an innovation, with its SINOVIK record, on an SOP whose record is the Laporan Inovasi Pelayanan.</summary>
    public async Task<WorkflowResult> CreateAsync(int sopId, InnovationDetails details, string userId, CancellationToken cancellationToken = default)
    {
        var validation = await detailsValidator.ValidateAsync(details, cancellationToken);
        if (!validation.IsValid) return WorkflowResult.Refused(validation.Errors[0].ErrorMessage);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = await RecordKindAsync(db, sopId, cancellationToken);
        if (kind is null) return WorkflowResult.Refused("SOP tidak ditemukan.");
        if (kind != SopRecordKind.InovasiPelayanan)
            return WorkflowResult.Refused("SOP ini tidak menjalankan inovasi: mulai pelaksanaannya dari papan SOP itu.");
        var (definitionId, sop) = await sops.CurrentAsync(sopId, cancellationToken);
        var actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock), cancellationToken);
        var proposerBidang = actor is null ? null : OfficeRules.ProposerBidang(sop, actor);
        if (actor is null || proposerBidang is null)
            return WorkflowResult.Refused($"Hanya {sop.PelaksanaOf(sop.First).Name} yang dapat mengusulkan inovasi baru.");

        return await StartAsync(db, actor, definitionId, sop, proposerBidang.Value, (innovation, _) => details.ApplyTo(innovation),
            innovation => $"Inovasi \"{innovation.Title}\" dibuat di langkah {sop.First.Number}.", cancellationToken);
    }

    /// <summary>
    /// Starts one run of an SOP other than the innovation SOP: its bidang, and its title and the SOP's own item fields
    /// as <see cref="ItemFieldsCreate.PrepareAsync"/> checked them (<paramref name="fields"/>; the title alone in
    /// <paramref name="details"/> is enough only for an SOP without fields). The innovation's SINOVIK texts stay empty.
    /// </summary>
    public async Task<WorkflowResult> CreateItemAsync(int sopId, SopItemDetails details, string userId, PreparedItemFields? fields = null,
        CancellationToken cancellationToken = default)
    {
        if (fields is not null) details.Title = fields.Title;
        var validation = await itemValidator.ValidateAsync(details, cancellationToken);
        if (!validation.IsValid) return WorkflowResult.Refused(validation.Errors[0].ErrorMessage);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = await RecordKindAsync(db, sopId, cancellationToken);
        if (kind is null) return WorkflowResult.Refused("SOP tidak ditemukan.");
        if (kind == SopRecordKind.InovasiPelayanan)
            return WorkflowResult.Refused("Inovasi diusulkan dengan formulir usulan inovasi, yang memuat isian SINOVIK.");
        var (definitionId, sop) = await sops.CurrentAsync(sopId, cancellationToken);
        var fieldsJson = await db.SopDefinitions.Where(d => d.Id == definitionId).Select(d => d.FieldsJson).FirstAsync(cancellationToken);
        if (fields is null && ItemFieldsJson.ParseDefinitions(fieldsJson) is { Count: > 0 })
            return WorkflowResult.Refused("Isi data permohonan yang diminta SOP ini pada formulir pelaksanaan baru.");
        var actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock), cancellationToken);
        if (!SopItems.MayStart(sop, actor))
            return WorkflowResult.Refused($"Hanya {sop.PelaksanaOf(sop.First).Name} yang dapat memulai pelaksanaan SOP ini.");
        var bidangId = details.BidangId!.Value;
        if (!await db.Bidang.AnyAsync(b => b.Id == bidangId, cancellationToken)) return WorkflowResult.Refused("Bidang tidak ditemukan.");
        if (SopItems.BidangChoices(sop, actor, [bidangId]).Count == 0)
            return WorkflowResult.Refused($"Anda tidak dapat memulai pelaksanaan SOP ini untuk bidang itu: langkah {sop.First.Number} dijalankan oleh bidang itu sendiri.");

        var today = (await calendars.GetAsync(cancellationToken)).LocalDate(clock.GetUtcNow());
        var result = await StartAsync(db, actor!, definitionId, sop, bidangId, (innovation, firstRun) =>
            {
                innovation.Title = details.Title.Trim();
                innovation.StartDate = today;
                if (fields is not null)
                    itemFields.Apply(db, innovation, firstRun, fields, actor!.UserId, actor.DisplayName, innovation.CreatedAt);
            },
            innovation => $"Pelaksanaan \"{innovation.Title}\" dimulai di langkah {sop.First.Number}.", cancellationToken);
        if (!result.Succeeded) fields?.Withdraw();
        return result;
    }

    private static Task<SopRecordKind?> RecordKindAsync(PortalDbContext db, int sopId, CancellationToken cancellationToken) =>
        db.Sops.Where(s => s.Id == sopId).Select(s => (SopRecordKind?)s.RecordKind).FirstOrDefaultAsync(cancellationToken);

    private async Task<WorkflowResult> StartAsync(PortalDbContext db, WorkflowActor actor, int definitionId, SopDocument sop, int bidangId,
        Action<Innovation, StepRun> fill, Func<Innovation, string> doneMessage, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var innovation = new Innovation
        {
            Title = "", Summary = "", Background = "", Goal = "", Benefit = "",
            BidangId = bidangId,
            ProposerId = actor.UserId,
            SopDefinitionId = definitionId,
            CurrentStep = sop.First.Number,
            Status = InnovationStatus.Berjalan,
            CreatedAt = now,
        };
        var firstRun = NewRun(sop.First.Number, runNumber: 1, now);
        innovation.StepRuns.Add(firstRun);
        fill(innovation, firstRun);
        Touch(innovation, actor.DisplayName, now);
        db.Innovations.Add(innovation);
        try
        {
            await StoreNewAsync(db, innovation, firstRun, actor, sop, now, cancellationToken);
        }
        catch (StorageFailureException failure)
        {
            return WorkflowResult.Refused(failure.Message);
        }

        events.Publish(new InnovationChanged(innovation.Id, AuditActions.InnovationCreated, null, sop.First.Number,
            innovation.Status, actor.DisplayName, now));
        return WorkflowResult.Done(doneMessage(innovation), innovation.Id, innovation.Version);
    }

    private Task StoreNewAsync(PortalDbContext db, Innovation innovation, StepRun firstRun, WorkflowActor actor, SopDocument sop, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        writeGate.RunAsync(async () =>
        {
            StampDueDate(firstRun, sop.First, await calendars.GetAsync(cancellationToken));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The audit row names the innovation by its id, which the first save assigned.
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorId = actor.UserId, ActorName = actor.DisplayName, Action = AuditActions.InnovationCreated,
                InnovationId = innovation.Id, ToStep = sop.First.Number, ToStatus = InnovationStatus.Berjalan.Name(),
                Detail = $"SOP versi {sop.Version}",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    public async Task<WorkflowResult> UpdateDetailsAsync(int innovationId, long expectedVersion, InnovationDetails details, string userId, CancellationToken cancellationToken = default)
    {
        var validation = await detailsValidator.ValidateAsync(details, cancellationToken);
        if (!validation.IsValid) return WorkflowResult.Refused(validation.Errors[0].ErrorMessage);
        return await UpdateRecordAsync(innovationId, expectedVersion, SopRecordKind.InovasiPelayanan, (_, innovation, _, _) =>
        {
            details.ApplyTo(innovation);
            return Task.CompletedTask;
        }, userId, cancellationToken);
    }

    /// <summary>
    /// Changes the title and, with <paramref name="fields"/> (as <see cref="ItemFieldsCreate.PrepareAsync"/> checked them
    /// against the stored values), the own fields of a run of an SOP other than the innovation SOP. A new file for a
    /// file field is kept as an output of the step the item is at; its bidang stays the one it was started for.
    /// </summary>
    public async Task<WorkflowResult> UpdateItemAsync(int innovationId, long expectedVersion, SopItemDetails details, string userId,
        PreparedItemFields? fields = null, CancellationToken cancellationToken = default)
    {
        if (fields is not null) details.Title = fields.Title;
        // The bidang is not changed here: only the title is checked.
        var validation = await itemValidator.ValidateAsync(details, options => options.IncludeProperties(nameof(SopItemDetails.Title)), cancellationToken);
        if (!validation.IsValid) return WorkflowResult.Refused(validation.Errors[0].ErrorMessage);
        var result = await UpdateRecordAsync(innovationId, expectedVersion, SopRecordKind.PelaksanaanSop, async (db, item, actor, now) =>
        {
            item.Title = details.Title.Trim();
            if (fields is null) return;
            var openRun = await db.StepRuns.FirstAsync(r => r.InnovationId == item.Id && r.FinishedAt == null, cancellationToken);
            itemFields.Apply(db, item, openRun, fields, actor.UserId, actor.DisplayName, now);
        }, userId, cancellationToken);
        if (!result.Succeeded) fields?.Withdraw();
        return result;
    }

    private async Task<WorkflowResult> UpdateRecordAsync(int innovationId, long expectedVersion, SopRecordKind recordKind,
        Func<PortalDbContext, Innovation, WorkflowActor, DateTimeOffset, Task> apply, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var innovation = await db.Innovations.FirstOrDefaultAsync(i => i.Id == innovationId, cancellationToken);
        if (innovation is null) return WorkflowResult.Refused("Inovasi tidak ditemukan.");
        if (innovation.Version != expectedVersion) return await StaleRefusalAsync(innovation, "diubah", cancellationToken);
        var kind = await db.SopDefinitions.Where(d => d.Id == innovation.SopDefinitionId).Select(d => d.Sop!.RecordKind).FirstAsync(cancellationToken);
        if (kind != recordKind)
        {
            return WorkflowResult.Refused(kind == SopRecordKind.InovasiPelayanan
                ? "Data inovasi diubah dengan formulir inovasi, yang memuat isian SINOVIK."
                : "Pelaksanaan SOP ini tidak memuat isian inovasi.");
        }

        var actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock), cancellationToken);
        if (innovation.Status != InnovationStatus.Berjalan)
            return WorkflowResult.Refused("Inovasi yang sudah selesai atau dibatalkan tidak dapat diubah.");
        if (actor is null || !CanEditDetails(actor, innovation))
            return WorkflowResult.Refused("Hanya pengusul atau Administrator yang dapat mengubah data inovasi.");

        var now = clock.GetUtcNow();
        await apply(db, innovation, actor, now);
        Touch(innovation, actor.DisplayName, now);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorId = actor.UserId, ActorName = actor.DisplayName, Action = AuditActions.DetailsChanged,
            InnovationId = innovation.Id, FromStep = innovation.CurrentStep, ToStep = innovation.CurrentStep,
        });
        bool saved;
        try
        {
            saved = await SaveInTurnAsync(db, innovationId, expectedVersion, stampDueDate: null, cancellationToken);
        }
        catch (StorageFailureException failure)
        {
            return WorkflowResult.Refused(failure.Message);
        }
        if (!saved) return await StaleRefusalFromDatabaseAsync(innovationId, "diubah", cancellationToken);

        events.Publish(new InnovationChanged(innovation.Id, AuditActions.DetailsChanged, innovation.CurrentStep, innovation.CurrentStep,
            innovation.Status, actor.DisplayName, now));
        return WorkflowResult.Done(recordKind == SopRecordKind.InovasiPelayanan ? "Data inovasi disimpan." : "Data pelaksanaan disimpan.", innovation.Id, innovation.Version);
    }

    /// <summary>
    /// The working calendar changed (holidays added or removed): stages the new due date of every running step that the
    /// change moves into <paramref name="db"/>, whose transaction the caller holds and commits, with one audit row per
    /// innovation whose due date moved. <paramref name="before"/> and <paramref name="after"/> are the calendar as that
    /// transaction sees it before and after the change; a step the change does not move keeps its due date, also one
    /// opened under earlier office hours or zone (a profile change applies to steps opened after it). After the commit
    /// the caller rebuilds the shared calendar and calls <see cref="PublishDueDates"/>. The innovation's version is left
    /// alone: a new due date does not make a move someone is about to make wrong.
    /// </summary>
    public async Task<IReadOnlyList<DueDateMoved>> StageDueDatesAsync(PortalDbContext db, WorkingCalendar before, WorkingCalendar after,
        string actorId, string actorName, string because, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var running = await (
            from run in db.StepRuns
            where run.FinishedAt == null && run.DueAt != null
            join innovation in db.Innovations on run.InnovationId equals innovation.Id
            where innovation.Status == InnovationStatus.Berjalan
            select new { Run = run, innovation.SopDefinitionId })
            .ToListAsync(cancellationToken);

        var moved = new List<DueDateMoved>();
        foreach (var item in running)
        {
            var step = (await sops.GetAsync(item.SopDefinitionId, cancellationToken)).Step(item.Run.StepNumber);
            var stored = item.Run.DueAt!.Value;
            if (DueDate(item.Run.StartedAt, step, after) is not { } changed || changed == stored
                || changed == DueDate(item.Run.StartedAt, step, before)) continue;
            item.Run.DueAt = changed;
            moved.Add(new DueDateMoved(item.Run.InnovationId, step.Number, stored, changed));
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorId = actorId, ActorName = actorName, Action = AuditActions.DueDateRecomputed,
                InnovationId = item.Run.InnovationId, FromStep = step.Number, ToStep = step.Number,
                Detail = $"Tenggat langkah {step.Number} berubah dari {officeTime.DateTime(stored)} menjadi {officeTime.DateTime(changed)} karena {because}.",
            });
        }
        return moved;
    }

    /// <summary>Tells every board, list and detail page about due dates moved by <see cref="StageDueDatesAsync"/>, once committed.</summary>
    public void PublishDueDates(IReadOnlyList<DueDateMoved> moved, string actorName, DateTimeOffset now)
    {
        foreach (var change in moved)
            events.Publish(new InnovationChanged(change.InnovationId, AuditActions.DueDateRecomputed, change.StepNumber, change.StepNumber,
                InnovationStatus.Berjalan, actorName, now));
    }

    /// <summary>Who may change an innovation's record fields: its proposer or an administrator, while it runs.</summary>
    public static bool CanEditDetails(WorkflowActor actor, Innovation innovation) =>
        innovation.Status == InnovationStatus.Berjalan && (actor.IsAdministrator || actor.UserId == innovation.ProposerId);

    private static async Task<StepRun> OpenRunAsync(PortalDbContext db, int innovationId, int stepNumber, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var previousRuns = await db.StepRuns.CountAsync(r => r.InnovationId == innovationId && r.StepNumber == stepNumber, cancellationToken);
        var run = NewRun(stepNumber, previousRuns + 1, now);
        run.InnovationId = innovationId;
        db.StepRuns.Add(run);
        return run;
    }

    private static StepRun NewRun(int stepNumber, int runNumber, DateTimeOffset now) => new()
    {
        StepNumber = stepNumber,
        RunNumber = runNumber,
        StartedAt = now,
    };

    private static void StampDueDate(StepRun run, SopStepDefinition step, WorkingCalendar calendar) =>
        run.DueAt = DueDate(run.StartedAt, step, calendar);

    private static DateTimeOffset? DueDate(DateTimeOffset startedAt, SopStepDefinition step, WorkingCalendar calendar) =>
        step.Duration is { } duration ? calendar.DueAt(startedAt, duration) : null;

    /// <summary>
    /// Stores the staged changes in one immediate transaction, in turn through the write gate. The decision was made on
    /// what was read before queueing, so the innovation's version is checked again under the write lock: false, and
    /// nothing stored, when someone changed the innovation since. A new step's due date is stamped in turn too: a
    /// holiday change rebuilds the calendar inside the gate, so a step opened after it counts the new holidays.
    /// </summary>
    private async Task<bool> SaveInTurnAsync(PortalDbContext db, int innovationId, long readVersion, Action<WorkingCalendar>? stampDueDate,
        CancellationToken cancellationToken)
    {
        // The transaction is ours and nothing in it is retried: no savepoint needed inside it.
        db.Database.AutoSavepointsEnabled = false;
        return await writeGate.RunAsync(async () =>
        {
            stampDueDate?.Invoke(await calendars.GetAsync(cancellationToken));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await database.HoldsVersionAsync(db, innovationId, readVersion, cancellationToken)) return false;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    private static void Touch(Innovation innovation, string actorName, DateTimeOffset now)
    {
        innovation.UpdatedAt = now;
        innovation.LastChangedByName = actorName;
        innovation.Version++;
    }

    /// <summary>"Plh. Kepala Bidang X Dewi (atas nama Nurul)", "Plt. Kepala Bidang X Bambang" for a vacant position, else the name.</summary>
    private static string ActorLabel(WorkflowActor actor, ActorCapacity? capacity) => capacity switch
    {
        { ActingAs: { } actingAs, OnBehalfOf: { } principal } => $"{actingAs} {actor.DisplayName} (atas nama {principal})",
        { ActingAs: { } actingAs } => $"{actingAs} {actor.DisplayName}",
        _ => actor.DisplayName,
    };

    private static string AuditActionFor(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Sesuai => AuditActions.StepVerified,
        StepOutcome.TidakSesuai => AuditActions.StepReturned,
        StepOutcome.Disetujui => AuditActions.StepApproved,
        StepOutcome.Dibatalkan => AuditActions.InnovationCancelled,
        _ => AuditActions.StepAdvanced,
    };

    /// <summary>What a person is told after a move, naming the item by its SOP's noun ("Inovasi dilanjutkan …", "Pelaksanaan dilanjutkan …").</summary>
    private static string DoneMessage(WorkflowDecision.Allowed decision, SopDocument sop) => decision switch
    {
        { NewStatus: InnovationStatus.Selesai } => $"{sop.ItemNounCapitalized} selesai: seluruh langkah SOP telah dijalankan.",
        { NewStatus: InnovationStatus.Dibatalkan } => $"{sop.ItemNounCapitalized} dibatalkan.",
        { Outcome: StepOutcome.TidakSesuai, TargetStep: { } t } => $"{sop.ItemNounCapitalized} dikembalikan ke langkah {t} ({sop.Step(t).ShortName}) untuk perbaikan.",
        { TargetStep: { } t } => $"{sop.ItemNounCapitalized} dilanjutkan ke langkah {t} ({sop.Step(t).ShortName}).",
        _ => "Tersimpan.",
    };

    public static string MissingOutputMessage(SopDocument sop, SopStepDefinition step) =>
        $"Keluaran langkah {step.Number} (\"{step.Output}\") belum dilampirkan. Unggah berkasnya di halaman detail {sop.ItemNoun}, lalu lanjutkan.";

    private async Task<WorkflowResult> StaleRefusalAsync(Innovation current, string verb, CancellationToken cancellationToken)
    {
        var sop = await sops.GetAsync(current.SopDefinitionId, cancellationToken);
        return WorkflowResult.Refused(ChangedMeanwhileMessage($"{sop.ItemNounCapitalized} ini", verb, current.LastChangedByName,
            officeTime.DateTime(current.UpdatedAt)));
    }

    /// <summary>Said when someone else changed the innovation a person was about to move.</summary>
    /// <param name="at">When, as the office writes it.</param>
    public static string ChangedMeanwhileMessage(string subject, string verb, string? byName, string at) =>
        $"{subject} sudah {verb} oleh {byName ?? "orang lain"} pada {at}. "
        + "Tampilan telah diperbarui; periksa posisinya lalu ulangi bila perlu.";

    private async Task<WorkflowResult> StaleRefusalFromDatabaseAsync(int innovationId, string verb, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.Innovations.AsNoTracking().FirstAsync(i => i.Id == innovationId, cancellationToken);
        return await StaleRefusalAsync(current, verb, cancellationToken);
    }
}
