using Portal.Domain;
using Portal.Domain.SopImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Domain.SopImport;

/// <summary>The signed SOP Inovasi Pelayanan as text, the built-in SOP, and the README's reading of its pelaksana.</summary>
public static class SignedSop
{
    public static string Text => File.ReadAllText(RepositoryFiles.PathOf("Portal.Tests/Domain/SopImport/Samples/sop-inovasi-pelayanan.txt"));

    public static SopDocument BuiltIn => SopJson.Parse(File.ReadAllText(RepositoryFiles.PathOf("Portal/Data/Seed/sop-inovasi-pelayanan.json")), version: 1);

    /// <summary>The pelaksana of each step as ../shared/sop/README.md reads the activity text (the marks were lost in the export).</summary>
    public static readonly IReadOnlyDictionary<int, string> PelaksanaByReadme = new Dictionary<int, string>
    {
        [1] = "Pejabat Fungsional", [2] = "Pejabat Fungsional", [3] = "Kepala Bidang", [4] = "Kepala Dinas", [5] = "Kepala Dinas",
        [6] = "Pejabat Fungsional", [7] = "Pejabat Fungsional", [8] = "Kepala Bidang", [9] = "Pejabat Fungsional", [10] = "Kepala Dinas",
    };

    /// <summary>
    /// Where the built-in SOP's text departs from the signed table: the seed writes step 1's output in lower case and
    /// adds "disetujui" to step 10's output. The importer keeps the document's words.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string> OutputsAsSigned = new Dictionary<int, string>
    {
        [1] = "Hasil Identifikasi dan kajian",
        [10] = "Laporan hasil pelaksanaan pengembangan inovasi pelayanan",
    };

    /// <summary>Confirms each step's pelaksana by column name, as an administrator does in the preview.</summary>
    public static void ConfirmAsReadme(SopDraft draft)
    {
        foreach (var step in draft.Steps)
            draft.ConfirmPelaksana(step, draft.Pelaksana.FindIndex(p => p.Name == PelaksanaByReadme[step.Number]));
    }
}
