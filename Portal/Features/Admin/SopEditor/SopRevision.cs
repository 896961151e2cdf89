using FluentValidation;
using Portal.Domain;

namespace Portal.Features.Admin.SopEditor;

/// <summary>The editable parts of one step; name, activity, kind and inputs stay as the signed SOP has them.</summary>
public sealed class SopStepEdit
{
    public int Number { get; set; }
    public string ShortName { get; set; } = "";
    public StepKind Kind { get; set; }
    public int Pelaksana { get; set; }
    public bool HasDuration { get; set; }
    public int DurationValue { get; set; } = 1;
    public DurationUnit DurationUnit { get; set; } = DurationUnit.WorkingDays;
    public int? ReturnToStep { get; set; }
    public bool RequiresOutput { get; set; }

    public static SopStepEdit From(SopStepDefinition step) => new()
    {
        Number = step.Number,
        ShortName = step.ShortName,
        Kind = step.Kind,
        Pelaksana = step.Pelaksana,
        HasDuration = step.Duration is not null,
        DurationValue = step.Duration?.Value ?? 1,
        DurationUnit = step.Duration?.Unit ?? DurationUnit.WorkingDays,
        ReturnToStep = step.ReturnToStep,
        RequiresOutput = step.RequiresOutput,
    };

    public SopStepDefinition ApplyTo(SopStepDefinition step) => step with
    {
        Pelaksana = Pelaksana,
        Duration = HasDuration ? new SopDuration(DurationValue, DurationUnit) : null,
        ReturnToStep = ReturnToStep,
        RequiresOutput = RequiresOutput,
    };
}

/// <summary>An administrator's edit of the current SOP version; saving it stores a new version.</summary>
public sealed class SopRevision
{
    public const int MaxDurationDays = 365;
    public const int MaxDurationHours = 200;
    public const int MaxDurationMinutes = 600;

    /// <summary>The largest waktu an administrator may give in a unit.</summary>
    public static int MaxDuration(DurationUnit unit) => unit switch
    {
        DurationUnit.WorkingHours => MaxDurationHours,
        DurationUnit.WorkingMinutes => MaxDurationMinutes,
        _ => MaxDurationDays,
    };

    /// <summary>The unit's name in the editor and in its messages.</summary>
    public static string UnitName(DurationUnit unit) => unit switch
    {
        DurationUnit.WorkingDays => "hari kerja",
        DurationUnit.CalendarDays => "hari kalender",
        DurationUnit.WorkingHours => "jam kerja",
        DurationUnit.WorkingMinutes => "menit kerja",
        _ => unit.ToString(),
    };

    public int BasedOnDefinitionId { get; set; }
    public List<SopStepEdit> Steps { get; set; } = [];

    /// <summary>Whether items of this SOP carry fields of its own (every SOP but the innovation SOP, whose SINOVIK fields are fixed).</summary>
    public bool HasItemFields { get; set; }
    public List<ItemFieldEdit> Fields { get; set; } = [];
    public string ChangeNote { get; set; } = "";
}

public sealed class SopRevisionValidator : AbstractValidator<SopRevision>
{
    public SopRevisionValidator()
    {
        RuleFor(r => r.ChangeNote).Must(n => n.Trim().Length >= 10)
            .WithMessage("Catatan perubahan wajib diisi, minimal 10 karakter (misalnya dasar surat atau alasan perubahan).")
            .MaximumLength(500).WithMessage("Catatan perubahan paling banyak 500 karakter.");
        RuleFor(r => r.Steps).NotEmpty().WithMessage("SOP tidak memiliki langkah.");
        RuleForEach(r => r.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Pelaksana).GreaterThanOrEqualTo(0).WithMessage(s => $"Langkah {s.Number}: pilih pelaksana.");
            step.RuleFor(s => s.DurationUnit).IsInEnum().WithMessage(s => $"Langkah {s.Number}: pilih hari kerja, hari kalender, jam kerja atau menit kerja.");
            step.RuleFor(s => s.DurationValue).Must((s, value) => value >= 1 && value <= SopRevision.MaxDuration(s.DurationUnit))
                .When(s => s.HasDuration && Enum.IsDefined(s.DurationUnit))
                .WithMessage(s => $"Langkah {s.Number}: waktu harus 1 sampai {SopRevision.MaxDuration(s.DurationUnit)} {SopRevision.UnitName(s.DurationUnit)}.");
        });
    }
}
