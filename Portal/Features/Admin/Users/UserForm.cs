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
    public string Role { get; set; } = PortalRoles.PejabatFungsional;
    public string? Email { get; set; }

    /// <summary>The SOP roles act for a bidang: their innovations and verifications belong to it.</summary>
    public static bool RoleNeedsBidang(string role) => role is PortalRoles.PejabatFungsional or PortalRoles.KepalaBidang;
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(f => f.Nip).IsNip();
        RuleFor(f => f.FullName).IsFullName();
        RuleFor(f => f.Jabatan).IsJabatan();
        RuleFor(f => f.Role).Must(r => PortalRoles.All.Contains(r)).WithMessage("Pilih peran.");
        RuleFor(f => f.BidangId).NotNull().When(f => UserForm.RoleNeedsBidang(f.Role))
            .WithMessage(f => $"{PortalRoles.DisplayName(f.Role)} harus memiliki bidang.");
        RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email))
            .WithMessage("Alamat e-mail tidak sah.")
            .MaximumLength(200).WithMessage("Alamat e-mail paling banyak 200 karakter.");
    }
}
