using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;
using Portal.Features.Workflow;

namespace Portal.Features.Admin.Holidays;

public sealed record HolidayRow(int Id, DateOnly Date, string Name, HolidayKind Kind);

/// <summary>One holiday as the administrator adds or edits it; <see cref="Id"/> is null for a new one.</summary>
public sealed class HolidayForm
{
    public int? Id { get; set; }
    public DateTime? Date { get; set; }
    public string Name { get; set; } = "";
    public HolidayKind Kind { get; set; } = HolidayKind.LiburNasional;
}

public sealed class HolidayFormValidator : AbstractValidator<HolidayForm>
{
    public HolidayFormValidator()
    {
        RuleFor(f => f.Date).NotNull().WithMessage("Tanggal wajib diisi.")
            .Must(d => d is null || d.Value.Year is >= 2020 and <= 2100).WithMessage("Tanggal tidak wajar.");
        RuleFor(f => f.Name).Must(n => n.Trim().Length > 0).WithMessage("Nama hari libur wajib diisi.")
            .MaximumLength(HolidayFile.MaxNameLength).WithMessage($"Nama hari libur paling banyak {HolidayFile.MaxNameLength} karakter.");
        RuleFor(f => f.Kind).IsInEnum().WithMessage("Pilih jenis hari libur.");
    }
}

/// <summary>
/// The holiday table the working calendar counts with. Every change is audited, moves the due dates of running steps
/// in the same transaction (through the workflow service, in turn through the write gate), rebuilds the calendar and
/// tells the boards; an import is all or nothing.
/// </summary>
public sealed class HolidayAdministration(
    IDbContextFactory<PortalDbContext> dbFactory,
    IValidator<HolidayForm> validator,
    CalendarProvider calendars,
    WorkflowService workflow,
    WriteGate writeGate,
    HolidayReminder reminder,
    TimeProvider clock,
    OfficeTime officeTime,
    ILogger<HolidayAdministration> logger)
{
    public static string KindName(HolidayKind kind) => kind switch
    {
        HolidayKind.CutiBersama => "Cuti bersama",
        HolidayKind.LiburDaerah => "Libur daerah",
        _ => "Libur nasional",
    };

    public async Task<IReadOnlyList<HolidayRow>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Id, h.Date, h.Name, h.Kind))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Years to offer: those with holidays, this year and the next (whose list an administrator imports).</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var thisYear = officeTime.Today(clock).Year;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dates = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        return dates.Select(d => d.Year).Append(thisYear).Append(thisYear + 1).Distinct().OrderBy(y => y).ToList();
    }

    public async Task<AdminResult> SaveAsync(HolidayForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);
        var date = DateOnly.FromDateTime(form.Date!.Value);
        var name = form.Name.Trim();

        return await InTransactionAsync(actorId, async (db, actor) =>
        {
            var taken = await db.Holidays.AsNoTracking().FirstOrDefaultAsync(h => h.Date == date && h.Id != form.Id, cancellationToken);
            if (taken is not null) return AdminResult.Refused($"{IndonesianFormat.Date(date)} sudah tercatat sebagai {taken.Name}.");

            string detail;
            if (form.Id is { } id)
            {
                var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
                if (holiday is null) return AdminResult.Refused("Hari libur tidak ditemukan.");
                if (holiday.Date == date && holiday.Name == name && holiday.Kind == form.Kind) return AdminResult.Refused("Tidak ada perubahan untuk disimpan.");
                detail = $"Diubah: {Describe(holiday.Date, holiday.Name, holiday.Kind)} → {Describe(date, name, form.Kind)}";
                (holiday.Date, holiday.Name, holiday.Kind) = (date, name, form.Kind);
            }
            else
            {
                db.Holidays.Add(new Holiday { Date = date, Name = name, Kind = form.Kind });
                detail = $"Ditambah: {Describe(date, name, form.Kind)}";
            }
            db.Audit(actor, AuditActions.HolidaysChanged, detail, clock.GetUtcNow());
            return AdminResult.Done($"Hari libur {IndonesianFormat.Date(date)} disimpan.");
        }, cancellationToken);
    }

    public Task<AdminResult> DeleteAsync(int holidayId, string actorId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actorId, async (db, actor) =>
        {
            var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == holidayId, cancellationToken);
            if (holiday is null) return AdminResult.Refused("Hari libur tidak ditemukan.");
            db.Holidays.Remove(holiday);
            db.Audit(actor, AuditActions.HolidaysChanged, $"Dihapus: {Describe(holiday.Date, holiday.Name, holiday.Kind)}", clock.GetUtcNow());
            return AdminResult.Done($"Hari libur {IndonesianFormat.Date(holiday.Date)} dihapus.");
        }, cancellationToken);

    /// <summary>Reads an uploaded file and checks it for the year, without saving anything.</summary>
    public async Task<HolidayFileResult> PreviewAsync(int year, string fileName, string text, CancellationToken cancellationToken = default)
    {
        var parsed = HolidayFile.Parse(fileName, text, year);
        if (!parsed.Succeeded) return parsed;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = HolidayFile.ImportProblem(parsed.Holidays, year, await ExistingAsync(db, parsed.Holidays, cancellationToken));
        return problem is null
            ? new HolidayFileResult(parsed.Holidays.OrderBy(h => h.Date).ToList(), null)
            : HolidayFileResult.Failed(problem);
    }

    /// <summary>Stores the previewed holidays, checked again inside the transaction: someone may have added a date meanwhile.</summary>
    public Task<AdminResult> ImportAsync(int year, IReadOnlyList<HolidayDate> holidays, string fileName, string actorId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actorId, async (db, actor) =>
        {
            if (holidays.Any(h => HolidayFile.NameProblem(h.Name.Trim()) is not null || !Enum.IsDefined(h.Kind)))
                return AdminResult.Refused("Data impor tidak sah; pratinjau ulang berkasnya.");
            var problem = HolidayFile.ImportProblem(holidays, year, await ExistingAsync(db, holidays, cancellationToken));
            if (problem is not null) return AdminResult.Refused(problem);

            db.Holidays.AddRange(holidays.Select(h => new Holiday { Date = h.Date, Name = h.Name.Trim(), Kind = h.Kind }));
            db.Audit(actor, AuditActions.HolidaysChanged,
                $"Impor {Path.GetFileName(fileName)} untuk tahun {year}: {Counts(holidays.Select(h => h.Kind))}", clock.GetUtcNow());
            return AdminResult.Done($"{holidays.Count} hari libur tahun {year} diimpor.");
        }, cancellationToken);

    private async Task<AdminResult> InTransactionAsync(string actorId, Func<PortalDbContext, PortalUser, Task<AdminResult>> command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        IReadOnlyList<DueDateMoved> moved = [];
        var actorName = "";
        var result = await writeGate.RunAsync(async () =>
        {
            var outcome = await db.ExecuteAsync(actorId, AdminAccess.Administrators, async actor =>
            {
                var before = await calendars.ReadAsync(db, cancellationToken);
                var changed = await command(db, actor);
                if (!changed.Succeeded) return changed;
                // Stored (not yet committed) so that the calendar below counts the changed table.
                await db.SaveChangesAsync(cancellationToken);
                actorName = actor.FullName;
                moved = await workflow.StageDueDatesAsync(db, before, await calendars.ReadAsync(db, cancellationToken), actor.Id, actor.FullName,
                    "daftar hari libur diubah", now, cancellationToken);
                return moved.Count == 0 ? changed : changed with { Message = $"{changed.Message} Tenggat {moved.Count} langkah berjalan dihitung ulang." };
            }, cancellationToken);
            // Still in turn: a move queued behind this change stamps its due date with the new calendar.
            if (outcome.Succeeded) calendars.HolidaysChanged();
            return outcome;
        }, cancellationToken);
        if (!result.Succeeded) return result;
        workflow.PublishDueDates(moved, actorName, now);
        try
        {
            await reminder.CheckAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is stored; the daily check raises or resolves the alert instead.
            logger.LogWarning(ex, "The holiday reminder could not be checked after a change to the holiday table");
        }
        return result;
    }

    private static async Task<IReadOnlyDictionary<DateOnly, string>> ExistingAsync(PortalDbContext db, IReadOnlyList<HolidayDate> holidays, CancellationToken cancellationToken)
    {
        var dates = holidays.Select(h => h.Date).Distinct().ToList();
        return await db.Holidays.AsNoTracking().Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, h => h.Name, cancellationToken);
    }

    /// <summary>"5 libur nasional, 1 cuti bersama", with ", 2 libur daerah" when there are any.</summary>
    public static string Counts(IEnumerable<HolidayKind> kinds)
    {
        var list = kinds.ToList();
        return string.Join(", ", Enum.GetValues<HolidayKind>()
            .Select(kind => (Kind: kind, Count: list.Count(k => k == kind)))
            .Where(c => c.Count > 0 || c.Kind != HolidayKind.LiburDaerah)
            .Select(c => $"{c.Count} {KindName(c.Kind).ToLowerInvariant()}"));
    }

    private static string Describe(DateOnly date, string name, HolidayKind kind) => $"{IndonesianFormat.Date(date)} {name} ({KindName(kind)})";
}
