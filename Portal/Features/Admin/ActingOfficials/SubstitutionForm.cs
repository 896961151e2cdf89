using FluentValidation;
using Portal.Data.Entities;

namespace Portal.Features.Admin.ActingOfficials;

/// <summary>
/// An appointment of an acting official: the level and scope are taken from the principal's position, or from the
/// vacant position itself, never typed in.
/// </summary>
public sealed class SubstitutionForm
{
    public const int MaxNoteLength = 500;

    public SubstitutionKind Kind { get; set; } = SubstitutionKind.Plh;
    /// <summary>True: a Plt. for a position nobody holds (<see cref="PositionId"/>); false: a stand-in for a person (<see cref="PrincipalId"/>).</summary>
    public bool ForVacantPosition { get; set; }
    public int? PositionId { get; set; }
    public string? PrincipalId { get; set; }
    public string? SubstituteId { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
    public string? Note { get; set; }
}

public sealed class SubstitutionFormValidator : AbstractValidator<SubstitutionForm>
{
    public SubstitutionFormValidator()
    {
        RuleFor(f => f.Kind).IsInEnum().WithMessage("Pilih Plt. atau Plh.");
        RuleFor(f => f.PrincipalId).NotEmpty().When(f => !f.ForVacantPosition).WithMessage("Pilih pejabat yang digantikan.");
        RuleFor(f => f.PositionId).NotNull().When(f => f.ForVacantPosition).WithMessage("Pilih jabatan yang lowong.");
        RuleFor(f => f.Kind).Equal(SubstitutionKind.Plt).When(f => f.ForVacantPosition)
            .WithMessage("Jabatan lowong diisi oleh Plt. (Pelaksana Tugas); Plh. hanya untuk pejabat yang berhalangan sementara.");
        RuleFor(f => f.SubstituteId).NotEmpty().WithMessage("Pilih pejabat pengganti.");
        RuleFor(f => f.SubstituteId).NotEqual(f => f.PrincipalId).When(f => !f.ForVacantPosition && !string.IsNullOrEmpty(f.SubstituteId))
            .WithMessage("Pengganti tidak boleh orang yang sama dengan pejabat yang digantikan.");
        RuleFor(f => f.StartDate).NotNull().WithMessage("Tanggal mulai wajib diisi.");
        RuleFor(f => f.EndDate).NotNull().WithMessage("Tanggal selesai wajib diisi.");
        RuleFor(f => f.EndDate).GreaterThanOrEqualTo(f => f.StartDate).When(f => f.StartDate is not null && f.EndDate is not null)
            .WithMessage("Tanggal selesai tidak boleh sebelum tanggal mulai.");
        RuleFor(f => f.Note).MaximumLength(SubstitutionForm.MaxNoteLength)
            .WithMessage($"Catatan paling banyak {SubstitutionForm.MaxNoteLength} karakter.");
    }
}
