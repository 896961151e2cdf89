using System.Security.Cryptography;

namespace Portal.Features.Account;

/// <summary>Passwords an administrator hands out once (new account, reset); the person must replace it at first sign-in.</summary>
public static class OneTimePassword
{
    // No 0/O, 1/l/I: the password is read off a screen and typed in by hand.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 12;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
