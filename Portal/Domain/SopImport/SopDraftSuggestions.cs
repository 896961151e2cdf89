using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.SopImport;

/// <summary>
/// What the importer proposes where the table does not say: the kind of a step from its verbs, its pelaksana column
/// when no column is marked, and the step a "dikembalikan" goes back to. Proposals never count as decided.
/// </summary>
public static partial class SopDraftSuggestions
{
    /// <summary>
    /// "verifikasi" / "memverifikasi" → verify; "persetujuan" / "menyetujui" → approve (not "yang telah diverifikasi" or
    /// "disetujui", which name what the step receives); "langkah kerja" at the start (as the portal's
    /// export writes it where the verbs would mislead) → work; null when none is written.
    /// </summary>
    public static StepKind? KindFromWords(string text) =>
        WorkMark().IsMatch(text) ? StepKind.Work
        : Verification().IsMatch(text) ? StepKind.Verify
        : Approval().IsMatch(text) ? StepKind.Approve
        : null;

    /// <summary>The level a pelaksana column's name points to (Kepala Dinas, Kepala Bidang / Sekretaris, Kepala Seksi / Subbagian, staff); null when the name does not say.</summary>
    public static PositionLevel? LevelFromName(string name) =>
        HeadOfOffice().IsMatch(name) ? PositionLevel.KepalaDinas
        : SectionHead().IsMatch(name) ? PositionLevel.KepalaSeksi
        : DivisionHead().IsMatch(name) ? PositionLevel.KepalaBidang
        : Staff().IsMatch(name) ? PositionLevel.Staf
        : null;

    /// <summary>A return target written out in the Keterangan column ("kembali ke langkah 2"), as the portal exports it.</summary>
    public static int? WrittenReturn(string keterangan)
    {
        var match = WrittenReturnPattern().Match(keterangan);
        return match.Success ? int.Parse(match.Groups["step"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Brings every undecided proposal up to date with the decided ones (the pelaksana a verification is proposed for
    /// depends on the step before it). Decided columns and return targets are left as they are.
    /// </summary>
    public static void Refresh(SopDraft draft)
    {
        var columns = draft.Pelaksana.Count;
        var steps = draft.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Decision is PelaksanaDecision.None or PelaksanaDecision.Suggested)
            {
                if (columns == 0)
                {
                    step.PelaksanaColumn = null;
                    step.Decision = PelaksanaDecision.None;
                }
                else if (step.MarkedColumns.Count == 1)
                {
                    step.PelaksanaColumn = step.MarkedColumns[0];
                    step.Decision = PelaksanaDecision.Marked;
                }
                else
                {
                    var byVerbs = ColumnFromVerbs(step.Kind, i > 0 ? steps[i - 1].PelaksanaColumn : null, columns);
                    var candidates = step.MarkedColumns.Count > 1 ? step.MarkedColumns : step.DrawnColumns;
                    step.PelaksanaColumn = candidates.Count == 0 || candidates.Contains(byVerbs) ? byVerbs : candidates[0];
                    step.Decision = PelaksanaDecision.Suggested;
                }
            }
            if (!step.ReturnDecided)
                step.ReturnToStep = step.Kind != StepKind.Work && SaysReturn(step) ? NearestEarlierWorkStep(steps, i) : null;
        }
    }

    /// <summary>
    /// A verification belongs to the column just above the step it verifies (the one before it); an approval to the
    /// head (the last column); anything else to the first column.
    /// </summary>
    private static int ColumnFromVerbs(StepKind kind, int? previousColumn, int columns) => kind switch
    {
        StepKind.Verify => Math.Min((previousColumn ?? 0) + 1, columns - 1),
        StepKind.Approve => columns - 1,
        _ => 0,
    };

    private static bool SaysReturn(SopDraftStep step) => ReturnWords().IsMatch(step.Activity) || ReturnWords().IsMatch(step.Keterangan);

    /// <summary>The nearest earlier work step of a column below the returning step's (the work being checked).</summary>
    private static int? NearestEarlierWorkStep(List<SopDraftStep> steps, int index)
    {
        var column = steps[index].PelaksanaColumn;
        for (var j = index - 1; j >= 0; j--)
        {
            var earlier = steps[j];
            if (earlier.Kind == StepKind.Work && (column is null || earlier.PelaksanaColumn is null || earlier.PelaksanaColumn < column))
                return earlier.Number;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*langkah\s+kerja\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkMark();

    [GeneratedRegex(@"\b(?:kepala\s+(?:dinas|badan|kantor)|kadis|kaban|pimpinan)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadOfOffice();

    [GeneratedRegex(@"\b(?:kepala\s+(?:seksi|sub\s*-?\s*bagian|sub\s*-?\s*bidang|unit|uptd)|kasi|kasubb?ag|kasubbid)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionHead();

    [GeneratedRegex(@"\b(?:kepala\s+bidang|kabid|sekretaris)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DivisionHead();

    [GeneratedRegex(@"\b(?:fungsional|staf|staff|petugas|pelaksana|operator|pengadministrasi|analis|pranata|pengelola|verifikator|front\s*office|loket)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Staff();

    [GeneratedRegex(@"\b(?:mem)?verifikasi\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verification();

    [GeneratedRegex(@"\b(?:persetujuan|menyetujui)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Approval();

    [GeneratedRegex(@"\b(?:dikembalikan|kembalikan|kembali\s+ke)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReturnWords();

    [GeneratedRegex(@"kembali\s+ke\s+langkah\s+(?<step>\d{1,4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenReturnPattern();
}
