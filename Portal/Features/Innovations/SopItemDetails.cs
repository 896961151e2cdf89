using FluentValidation;

namespace Portal.Features.Innovations;

/// <summary>What starts a run of an SOP other than the innovation SOP: its title and the bidang it belongs to.</summary>
public sealed class SopItemDetails
{
    public string Title { get; set; } = "";
    public int? BidangId { get; set; }
}

public sealed class SopItemDetailsValidator : AbstractValidator<SopItemDetails>
{
    public SopItemDetailsValidator()
    {
        RuleFor(d => d.Title).Must(t => t.Trim().Length >= 5).WithMessage("Judul wajib diisi, minimal 5 karakter.")
            .MaximumLength(200).WithMessage("Judul paling banyak 200 karakter.");
        RuleFor(d => d.BidangId).NotNull().WithMessage("Pilih bidang.");
    }
}
