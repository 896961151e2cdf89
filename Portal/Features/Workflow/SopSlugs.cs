using System.Globalization;
using System.Text;

namespace Portal.Features.Workflow;

/// <summary>
/// The short name of an SOP in its addresses (<c>/papan/{slug}</c>, <c>/layar/{slug}</c>, <c>/sop/{slug}</c>,
/// <c>/admin/sop/{slug}</c>, <c>/inovasi/baru/{slug}</c>): made once from the title, whole words only, unique, and never
/// a word those addresses already use for a page of their own.
/// </summary>
public static class SopSlugs
{
    public const int MaxLength = 50;

    /// <summary>
    /// Words with a page of their own under the SOP addresses (<c>/admin/sop/impor</c>, <c>/sop/versi/{n}</c>,
    /// <c>/sop/tabel/{id}.xlsx</c>), or kept for one (<c>baru</c>, <c>ekspor</c>, <c>ubah</c>): an SOP named so would
    /// be shadowed by that page. A test checks the app's routes against this list.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved =
        new HashSet<string>(["impor", "baru", "versi", "tabel", "ekspor", "ubah"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// An address-safe short name: lower-case ASCII words joined by "-", accents dropped, cut after the last whole word
    /// that fits in <see cref="MaxLength"/> ("Penanganan Pengaduan Layanan Administrasi Kependudukan" →
    /// "penanganan-pengaduan-layanan-administrasi"). A first word longer than that is cut; no letters at all give "sop".
    /// </summary>
    public static string Of(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        if (words.Count == 0) return "sop";

        var slug = new StringBuilder(words[0].Length > MaxLength ? words[0][..MaxLength] : words[0]);
        foreach (var next in words.Skip(1))
        {
            if (slug.Length + 1 + next.Length > MaxLength) break;
            slug.Append('-').Append(next);
        }
        return slug.ToString();
    }

    /// <summary>
    /// <paramref name="wanted"/> when it is neither reserved nor taken, else the first of "wanted-2", "wanted-3", … that
    /// is free (compared without regard to case, as addresses are).
    /// </summary>
    public static string Free(string wanted, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        bool IsFree(string slug) => !Reserved.Contains(slug) && !used.Contains(slug);
        if (IsFree(wanted)) return wanted;
        for (var n = 2; ; n++)
        {
            var candidate = $"{wanted}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (IsFree(candidate)) return candidate;
        }
    }
}
