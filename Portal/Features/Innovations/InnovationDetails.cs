using FluentValidation;
using Portal.Data.Entities;

namespace Portal.Features.Innovations;

/// <summary>The record fields of an innovation that its proposer fills in (create and edit share them).</summary>
public sealed class InnovationDetails
{
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Background { get; set; } = "";
    public string Goal { get; set; } = "";
    public string Benefit { get; set; } = "";
    public InnovationType Type { get; set; } = InnovationType.Digital;
    public GovernmentAffair Affair { get; set; } = GovernmentAffair.PelayananPublik;
    public decimal? Budget { get; set; }
    public DateTime? StartDate { get; set; }

    public static InnovationDetails From(Innovation innovation) => new()
    {
        Title = innovation.Title,
        Summary = innovation.Summary,
        Background = innovation.Background,
        Goal = innovation.Goal,
        Benefit = innovation.Benefit,
        Type = innovation.Type,
        Affair = innovation.Affair,
        Budget = innovation.Budget,
        StartDate = innovation.StartDate.ToDateTime(TimeOnly.MinValue),
    };

    public void ApplyTo(Innovation innovation)
    {
        innovation.Title = Title.Trim();
        innovation.Summary = Summary.Trim();
        innovation.Background = Background.Trim();
        innovation.Goal = Goal.Trim();
        innovation.Benefit = Benefit.Trim();
        innovation.Type = Type;
        innovation.Affair = Affair;
        innovation.Budget = Budget;
        innovation.StartDate = DateOnly.FromDateTime(StartDate!.Value);
    }
}

public sealed class InnovationDetailsValidator : AbstractValidator<InnovationDetails>
{
    public InnovationDetailsValidator()
    {
        RuleFor(d => d.Title).Must(t => t.Trim().Length >= 5).WithMessage("Judul wajib diisi, minimal 5 karakter.")
            .MaximumLength(200).WithMessage("Judul paling banyak 200 karakter.");
        RuleFor(d => d.Summary).Must(t => t.Trim().Length >= 20).WithMessage("Ringkasan wajib diisi, minimal 20 karakter.")
            .MaximumLength(2000).WithMessage("Ringkasan paling banyak 2000 karakter.");
        RuleFor(d => d.Background).Must(t => t.Trim().Length >= 20).WithMessage("Latar belakang/masalah wajib diisi, minimal 20 karakter.")
            .MaximumLength(4000).WithMessage("Latar belakang paling banyak 4000 karakter.");
        RuleFor(d => d.Goal).Must(t => t.Trim().Length >= 10).WithMessage("Tujuan wajib diisi, minimal 10 karakter.")
            .MaximumLength(2000).WithMessage("Tujuan paling banyak 2000 karakter.");
        RuleFor(d => d.Benefit).Must(t => t.Trim().Length >= 10).WithMessage("Manfaat wajib diisi, minimal 10 karakter.")
            .MaximumLength(2000).WithMessage("Manfaat paling banyak 2000 karakter.");
        RuleFor(d => d.Type).IsInEnum().WithMessage("Pilih jenis inovasi.");
        RuleFor(d => d.Affair).IsInEnum().WithMessage("Pilih urusan inovasi.");
        RuleFor(d => d.Budget).GreaterThanOrEqualTo(0).When(d => d.Budget is not null)
            .WithMessage("Anggaran tidak boleh negatif.")
            .LessThan(1_000_000_000_000m).WithMessage("Anggaran terlalu besar.");
        RuleFor(d => d.StartDate).NotNull().WithMessage("Tanggal mulai wajib diisi.")
            .Must(d => d is null || d.Value.Year is >= 2020 and <= 2100).WithMessage("Tanggal mulai tidak wajar.");
    }
}
