namespace Portal.Features.Account;

/// <summary>Where to go after signing in: only a well-formed path on this site, anything else lands on the board.</summary>
public static class LocalReturnUrl
{
    public const string Fallback = "/";

    public static string Safe(string? returnUrl) => IsSafe(returnUrl) ? returnUrl! : Fallback;

    public static bool IsSafe(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 }
        && returnUrl[0] == '/'
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        // Printable ASCII only: a header carries nothing else, and no backslash, which browsers read as a slash.
        && returnUrl.All(c => c is > ' ' and < '\x7f' and not '\\')
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative);
}
