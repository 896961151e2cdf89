using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Entities;

namespace Portal.Features.Account;

/// <summary>
/// The password rules beyond length (NIST SP 800-63B): no common password, no mere sequence or repetition,
/// nothing made from the person's own NIP or name. No composition rules: a long phrase is the best password.
/// </summary>
public sealed partial class PasswordPolicy(CommonPasswords commonPasswords) : IPasswordValidator<PortalUser>
{
    public const string CommonMessage =
        "Kata sandi ini termasuk yang paling sering dipakai orang sehingga mudah ditebak. Pilih yang lain, misalnya tiga atau empat kata acak.";
    public const string SequenceMessage =
        "Kata sandi ini hanya urutan atau pengulangan karakter (seperti 1234567890, abcdefghij, qwertyuiop atau aaaaaaaaaa). Pilih yang lain.";
    public const string NipMessage = "Kata sandi tidak boleh memuat NIP atau tanggal lahir Anda.";
    public const string NameMessage = "Kata sandi tidak boleh dibentuk dari nama Anda.";

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var problems = Problems(password ?? "", user.UserName, user.FullName)
            .Select(message => new IdentityError { Code = "PasswordPolicy", Description = message })
            .ToArray();
        return Task.FromResult(problems.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(problems));
    }

    /// <summary>Why this password may not be used by the person with this NIP and name, in Indonesian.</summary>
    public IEnumerable<string> Problems(string password, string? nip, string? fullName)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (lowered.Length == 0) yield break;
        if (commonPasswords.Contains(lowered)) yield return CommonMessage;
        else if (IsSequenceOrRepetition(lowered)) yield return SequenceMessage;
        if (nip is { Length: > 0 } && ContainsNip(lowered, nip)) yield return NipMessage;
        if (fullName is { Length: > 0 } && IsMadeFromName(lowered, fullName)) yield return NameMessage;
    }

    // Rows of the keyboard and the alphabet, in which a run like "qwerty", "abcd" or "6543" is a sequence.
    private static readonly string[] Sequences =
        ["abcdefghijklmnopqrstuvwxyz", "01234567890", "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"];

    private const int ShortestRun = 3;

    /// <summary>
    /// True when the whole password is one unit repeated ("abcabcabca", "passwordpassword"), or is made only of
    /// runs of at least three characters that repeat one character or walk the alphabet, digits or a keyboard row
    /// either way ("1234567890", "qwertyasdfgh", "aaaaa11111").
    /// </summary>
    public static bool IsSequenceOrRepetition(string password)
    {
        var lowered = password.ToLowerInvariant();
        if (IsRepeatedUnit(lowered)) return true;
        var position = 0;
        while (position < lowered.Length)
        {
            var run = LongestRun(lowered, position);
            if (run < ShortestRun) return false;
            position += run;
        }
        return true;
    }

    private static bool IsRepeatedUnit(string password)
    {
        for (var unit = 1; unit <= password.Length / 2; unit++)
        {
            var repeats = true;
            for (var i = unit; i < password.Length && repeats; i++) repeats = password[i] == password[i - unit];
            if (repeats) return true;
        }
        return false;
    }

    private static int LongestRun(string password, int start)
    {
        var sameCharacter = 1;
        while (start + sameCharacter < password.Length && password[start + sameCharacter] == password[start]) sameCharacter++;
        var longest = sameCharacter;
        foreach (var sequence in Sequences)
        {
            foreach (var step in (int[])[1, -1])
            {
                for (var at = sequence.IndexOf(password[start]); at >= 0; at = sequence.IndexOf(password[start], at + 1))
                {
                    var length = 1;
                    while (start + length < password.Length
                           && at + step * length is var next && next >= 0 && next < sequence.Length
                           && sequence[next] == password[start + length])
                        length++;
                    longest = Math.Max(longest, length);
                }
            }
        }
        return longest;
    }

    // Six digits in a row of the NIP already give away the birth date or the appointment month.
    private const int NipDigitsGivenAway = 6;

    public static bool ContainsNip(string password, string nip)
    {
        var digits = new string(password.Where(char.IsAsciiDigit).ToArray());
        var nipDigits = new string(nip.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < NipDigitsGivenAway || nipDigits.Length < NipDigitsGivenAway) return false;
        for (var start = 0; start + NipDigitsGivenAway <= nipDigits.Length; start++)
        {
            var window = nipDigits.Substring(start, NipDigitsGivenAway);
            if (digits.Contains(window) || digits.Contains(Reverse(window))) return true;
        }
        // The birth date as people write it: day, month, year (NIP starts with yyyyMMdd).
        if (nipDigits.Length >= 8)
        {
            var (year, month, day) = (nipDigits[..4], nipDigits[4..6], nipDigits[6..8]);
            if (digits.Contains(day + month + year) || digits.Contains(day + month + year[2..])) return true;
        }
        return false;
    }

    private static string Reverse(string value) => new(value.Reverse().ToArray());

    // What is left of the letters after taking the name out must still be a word or more.
    private const int LettersBeyondName = 4;

    /// <summary>True when the password contains the whole name, or is little more than parts of it plus digits and symbols.</summary>
    public static bool IsMadeFromName(string password, string fullName)
    {
        var nameParts = NamePart().Matches(fullName.ToLowerInvariant())
            .Select(match => match.Value)
            .Where(part => part.Length >= 3)
            .ToList();
        if (nameParts.Count == 0) return false;
        var lowered = password.ToLowerInvariant();
        return new[] { lowered, LookAlikes.AsLetters(lowered, 'i'), LookAlikes.AsLetters(lowered, 'l') }.Any(candidate =>
        {
            var letters = new string(candidate.Where(char.IsLetter).ToArray());
            if (letters.Contains(string.Concat(nameParts))) return true;
            var remaining = letters;
            foreach (var part in nameParts.OrderByDescending(p => p.Length)) remaining = remaining.Replace(part, "");
            return remaining.Length < letters.Length && remaining.Length < LettersBeyondName;
        });
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex NamePart();
}


/// <summary>
/// The 30,000 most common passwords from real breaches, as ranked in the zxcvbn-core package (MIT), matched whole:
/// as typed, with digits and symbols around them taken off ("password2024!"), and with look-alike digits read
/// as letters ("p4ssw0rd").
/// </summary>
public sealed class CommonPasswords
{
    // The list is a resource of the zxcvbn-core assembly; a test checks it is found and complete.
    private const string ResourceName = "zxcvbn-core.Dictionaries.passwords.lst";

    private readonly FrozenSet<string> passwords;

    public CommonPasswords()
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list {ResourceName} is missing from zxcvbn-core.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word) words.Add(word.ToLowerInvariant());
        passwords = words.ToFrozenSet();
    }

    public int Count => passwords.Count;

    public bool Contains(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (passwords.Contains(lowered)) return true;
        var core = lowered.Trim(Decorations);
        return core.Length >= ShortestCore && new[] { core, LookAlikes.AsLetters(core, 'i'), LookAlikes.AsLetters(core, 'l') }.Any(passwords.Contains);
    }

    // A core shorter than this is not a password somebody decorated ("a" of "a123456789").
    private const int ShortestCore = 4;

    private static readonly char[] Decorations = "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ".ToCharArray();
}

/// <summary>Digits and symbols people put for letters ("p4ssw0rd"); a 1 may stand for an i or an l.</summary>
internal static class LookAlikes
{
    public static string AsLetters(string value, char one) => string.Concat(value.Select(c => c switch
    {
        '0' => 'o', '1' => one, '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '@' => 'a', '$' => 's', '!' => 'i',
        _ => c,
    }));
}
