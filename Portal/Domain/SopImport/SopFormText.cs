using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain.SopImport;

/// <summary>Text rules of the SOP form: cleaning a cell, list items, inputs, short names, dates and capitals.</summary>
public static partial class SopFormText
{
    public const int ShortNameMaxLength = 60;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly string[] DateFormats =
        ["d MMMM yyyy", "dd MMMM yyyy", "d MMM yyyy", "dd MMM yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "dd.MM.yyyy"];

    /// <summary>Words written in lower case inside a name that is otherwise capitalised.</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
        { "dan", "di", "ke", "dari", "yang", "untuk", "pada", "atau", "serta", "dengan", "tentang", "dalam", "oleh" };

    /// <summary>Academic degrees written in capitals without points; they stay as written.</summary>
    private static readonly HashSet<string> Degrees = new(StringComparer.Ordinal)
        { "MAP", "MPA", "MBA", "MKM", "MPH", "MSC", "SKM", "SIP", "SSTP", "STP", "MKES", "SKEP", "MPD", "SPD", "SKOM", "MKOM" };

    /// <summary>A single-line cell's text without Markdown or HTML emphasis, entities decoded, spaces collapsed.</summary>
    public static string Clean(string text)
    {
        var withoutTags = Tag().Replace(text, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace("**", "").Replace("__", "");
        return Collapse(HeadingMarks().Replace(decoded, ""));
    }

    /// <summary>A cell as a label to compare: cleaned, lower case, without a trailing colon or point.</summary>
    public static string Label(string text) => Clean(text).Trim(':', '.', ' ').ToLowerInvariant();

    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>Whether the text was written bold (Markdown **...** or HTML &lt;b&gt;), as a signer's name is.</summary>
    public static bool IsBold(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("**", StringComparison.Ordinal) && trimmed.EndsWith("**", StringComparison.Ordinal) && trimmed.Length > 4
            || trimmed.StartsWith("<b>", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<strong>", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The items of a titled block: HTML list items or paragraphs, or else one per line, without their numbering.</summary>
    public static List<string> Items(string content)
    {
        var parts = ListItem().Matches(content).Select(m => m.Groups["item"].Value).ToList();
        if (parts.Count == 0) parts = Paragraph().Matches(content).Select(m => m.Groups["item"].Value).ToList();
        if (parts.Count == 0) parts = BreakTag().Replace(content, "\n").Split('\n').ToList();
        return parts.Select(p => WithoutNumbering(Clean(p))).Where(p => p.Length > 0).ToList();
    }

    /// <summary>The Kelengkapan column as a list: separated by commas, semicolons or lines, as the SOP writes them.</summary>
    public static List<string> Inputs(string text) =>
        InputSeparator().Split(text).Select(p => WithoutNumbering(Clean(p))).Where(p => p.Length > 0).ToList();

    /// <summary>
    /// A short name for a step: the activity's first clause (up to a comma, semicolon, colon, sentence end or
    /// bracket), cut at a word to at most <see cref="ShortNameMaxLength"/> characters.
    /// </summary>
    public static string ShortName(string activity)
    {
        var clean = Clean(activity);
        var clause = FirstClause().Match(clean).Value.Trim();
        if (clause.Length == 0) clause = clean;
        if (clause.Length <= ShortNameMaxLength) return clause;
        var cut = clause[..(ShortNameMaxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > ShortNameMaxLength / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';') + "…";
    }

    /// <summary>A date as the form writes it ("2 Januari 2024", "02/01/2024", "2024-01-02") or as a worksheet stores it (a day number).</summary>
    public static DateOnly? Date(string text)
    {
        var clean = Clean(text);
        if (DateOnly.TryParseExact(clean, DateFormats, Indonesian, DateTimeStyles.None, out var date)) return date;
        // A worksheet date cell holds the days since 30 Dec 1899; only plausible years are taken.
        if (double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 29221 and <= 73051 && serial == Math.Floor(serial))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    /// <summary>
    /// A name written in capitals made readable: capitalised words of three letters or more become "Title" case,
    /// small words lower case; abbreviations with points (DR., S.Hut.) and short degrees (MM, SH) stay as written.
    /// </summary>
    public static string Readable(string text)
    {
        var words = Clean(text).Split(' ');
        var result = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0) result.Append(' ');
            result.Append(ReadableWord(words[i], first: i == 0));
        }
        return result.ToString();
    }

    private static string ReadableWord(string word, bool first)
    {
        var letters = word.Where(char.IsLetter).ToList();
        var shouting = letters.Count > 0 && letters.All(char.IsUpper) && !word.Contains('.');
        if (!shouting) return word;
        var bare = new string(letters.ToArray());
        if (SmallWords.Contains(bare) && !first) return word.ToLowerInvariant();
        if (letters.Count < 3 || Degrees.Contains(bare)) return word;
        var lower = word.ToLower(Indonesian);
        var firstLetter = lower.IndexOf(lower.First(char.IsLetter));
        return lower[..firstLetter] + char.ToUpper(lower[firstLetter], Indonesian) + lower[(firstLetter + 1)..];
    }

    private static string WithoutNumbering(string item) => Numbering().Replace(item, "").Trim();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"^\s*#+\s*")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<li\b[^>]*>(?<item>.*?)</li>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<p\b[^>]*>(?<item>.*?)</p>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"[,;\n]")]
    private static partial Regex InputSeparator();

    /// <summary>"1.", "2)", "a.", "-", "•" at the start of an item.</summary>
    [GeneratedRegex(@"^\s*(?:(?:\d{1,3}|[a-zA-Z])[.)]\s+|[-–•·*▪●]\s*)")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^[^,;:(]*?(?=[,;:(]|\.\s|\.$|$)")]
    private static partial Regex FirstClause();
}
