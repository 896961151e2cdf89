using FluentValidation;
using Portal.Domain;

namespace Portal.Features.Account;

/// <summary>The rules for a person's NIP, name and jabatan, shared by the first-administrator setup and the people pages.</summary>
public static class PersonRules
{
    public const int MaxNameLength = 150;

    public static IRuleBuilderOptionsConditions<T, string> IsNip<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((nip, context) =>
        {
            if (Nip.Problem(nip) is { } problem) context.AddFailure(problem);
        });

    public static IRuleBuilderOptions<T, string> IsFullName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(n => n.Trim().Length >= 3).WithMessage("Nama lengkap wajib diisi, minimal 3 karakter.")
            .MaximumLength(MaxNameLength).WithMessage($"Nama lengkap paling banyak {MaxNameLength} karakter.");

    public static IRuleBuilderOptions<T, string?> IsJabatan<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxNameLength).WithMessage($"Jabatan paling banyak {MaxNameLength} karakter.");
}
