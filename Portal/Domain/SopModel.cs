namespace Portal.Domain;

/// <summary>What a step asks of its role; the workflow's behaviour comes from this, never from step numbers.</summary>
public enum StepKind { Work, Verify, Approve }

/// <summary>The innovation's stage (tahapan) as SINOVIK / Indeks Inovasi Daerah count it.</summary>
public enum InnovationStage { Inisiatif, UjiCoba, Penerapan }

public sealed record SopHeader(
    string Instansi,
    string Dinas,
    string BidangPemilik,
    string Nomor,
    string Judul,
    DateOnly TanggalPembuatan,
    DateOnly TanggalRevisi,
    DateOnly TanggalEfektif,
    string DisahkanOleh,
    string DisahkanOlehNama,
    string? DisahkanOlehNip,
    IReadOnlyList<string> DasarHukum,
    IReadOnlyList<string> KualifikasiPelaksana,
    IReadOnlyList<string> KeterkaitanSop,
    IReadOnlyList<string> Peralatan,
    IReadOnlyList<string> Peringatan,
    IReadOnlyList<string> Pencatatan);

public sealed record SopStepDefinition(
    int Number,
    string ShortName,
    string Activity,
    int Pelaksana,
    StepKind Kind,
    SopDuration? Duration,
    IReadOnlyList<string> Inputs,
    string Output,
    int? ReturnToStep,
    InnovationStage Stage,
    bool RequiresOutput);

/// <summary>
/// One immutable version of an SOP: its header, its pelaksana columns in order, and its ordered steps
/// (each step names its column by index).
/// </summary>
public sealed record SopDocument(int Version, SopHeader Header, IReadOnlyList<SopPelaksana> Pelaksana, IReadOnlyList<SopStepDefinition> Steps)
{
    /// <summary>The portal's first SOP runs innovations; the catalogue names the items of any other SOP (see <c>SopItems.Noun</c>).</summary>
    public const string InnovationNoun = "inovasi";

    /// <summary>What one run of this SOP is called in messages, in lower case: "inovasi", "pelaksanaan".</summary>
    public string ItemNoun { get; init; } = InnovationNoun;

    /// <summary><see cref="ItemNoun"/> at the start of a sentence: "Inovasi", "Pelaksanaan".</summary>
    public string ItemNounCapitalized => SopTerms.Capitalized(ItemNoun);

    public SopStepDefinition First => Steps[0];

    public SopPelaksana PelaksanaOf(SopStepDefinition step) => Pelaksana[step.Pelaksana];

    public SopStepDefinition Step(int number) =>
        Steps.FirstOrDefault(s => s.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, "Langkah tidak ada dalam SOP ini.");

    public SopStepDefinition? Next(int number)
    {
        var index = IndexOf(number);
        return index + 1 < Steps.Count ? Steps[index + 1] : null;
    }

    public bool Contains(int number) => Steps.Any(s => s.Number == number);

    private int IndexOf(int number)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Number == number) return i;
        }
        throw new ArgumentOutOfRangeException(nameof(number), number, "Langkah tidak ada dalam SOP ini.");
    }
}
