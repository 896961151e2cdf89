using Microsoft.AspNetCore.Identity;

namespace Portal.Features.Account;

/// <summary>Identity's messages in Bahasa Indonesia, as people read them on the account pages.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Terjadi kesalahan; coba lagi.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Akun ini baru saja diubah orang lain; muat ulang lalu ulangi.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Kata sandi saat ini salah.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Tautan atau token tidak berlaku.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "NIP hanya boleh berisi angka.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Alamat e-mail \"{email}\" tidak sah.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"NIP {userName} sudah terdaftar.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Alamat e-mail {email} sudah dipakai akun lain.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Akun ini sudah memiliki kata sandi.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Penguncian tidak aktif untuk akun ini.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Akun sudah berperan {role}.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Akun tidak berperan {role}.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Kata sandi minimal {length} karakter.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Kata sandi harus memuat sedikitnya {uniqueChars} karakter yang berbeda.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Kata sandi harus memuat simbol.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Kata sandi harus memuat angka.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Kata sandi harus memuat huruf kecil.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Kata sandi harus memuat huruf besar.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
