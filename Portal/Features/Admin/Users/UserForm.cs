using FluentValidation;
using Portal.Data.Entities;
using Portal.Features.Account;

namespace Portal.Features.Admin.Users;

/// <summary>A person as the administrator creates or edits them; the NIP is fixed once created.</summary>
public sealed class UserForm
{
    public string Nip { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Jabatan { get; set; }
    public int? BidangId { get; set; }

    /// <summary>The position held; what the person does in every SOP follows from it.</summary>
    public int? PositionId { get; set; }

    /// <summary>A portal role ("" for none): Administrator or Pemantau.</summary>
    public string Role { get; set; } = "";
    public string? Email { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(f => f.Nip).IsNip();
        RuleFor(f => f.FullName).IsFullName();
        RuleFor(f => f.Jabatan).IsJabatan();
        RuleFor(f => f.Role).Must(r => r == "" || PortalRoles.All.Contains(r)).WithMessage("Peran tidak dikenal.");
        RuleFor(f => f.PositionId).NotNull().When(f => f.Role == "")
            .WithMessage("Pilih jabatan yang dipegang (atau peran Administrator/Pemantau untuk akun tanpa jabatan).");
        RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email))
            .WithMessage("Alamat e-mail tidak sah.")
            .MaximumLength(200).WithMessage("Alamat e-mail paling banyak 200 karakter.");
    }
}
