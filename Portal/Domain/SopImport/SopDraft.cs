namespace Portal.Domain.SopImport;

/// <summary>How a step's pelaksana column was decided.</summary>
public enum PelaksanaDecision
{
    /// <summary>No column: the table has none, or nothing suggests one.</summary>
    None,

    /// <summary>Exactly one pelaksana column holds a written mark (√, ✓, v, X, ...).</summary>
    Marked,

    /// <summary>Guessed from the activity's verbs, a drawing or several marks; the administrator must confirm it.</summary>
    Suggested,

    /// <summary>Picked or confirmed by the administrator.</summary>
    Confirmed,
}

/// <summary>The header of an SOP as read from its form; every field may be corrected in the preview.</summary>
public sealed class SopDraftHeader
{
    public string Instansi { get; set; } = "";
    public string Dinas { get; set; } = "";
    public string BidangPemilik { get; set; } = "";
    public string Nomor { get; set; } = "";
    public string Judul { get; set; } = "";
    public DateOnly? TanggalPembuatan { get; set; }
    public DateOnly? TanggalRevisi { get; set; }
    public DateOnly? TanggalEfektif { get; set; }

    /// <summary>What the form wrote for a date that could not be read, by field (for the problem list).</summary>
    public Dictionary<SopDateField, string> UnreadDates { get; } = [];

    public string DisahkanOleh { get; set; } = "";
    public string DisahkanOlehNama { get; set; } = "";
    public string? DisahkanOlehNip { get; set; }
    public List<string> DasarHukum { get; set; } = [];
    public List<string> KualifikasiPelaksana { get; set; } = [];
    public List<string> KeterkaitanSop { get; set; } = [];
    public List<string> Peralatan { get; set; } = [];
    public List<string> Peringatan { get; set; } = [];
    public List<string> Pencatatan { get; set; } = [];
}

public enum SopDateField { Pembuatan, Revisi, Efektif }

/// <summary>One pelaksana column of the table, in the table's order (the last is the head of the office in the form).</summary>
public sealed class SopDraftPelaksana
{
    public string Name { get; set; } = "";

    /// <summary>The level of position that does this column's steps; proposed from the name, chosen by the administrator.</summary>
    public PositionLevel? Level { get; set; }
}

/// <summary>One row of the SOP table, with what was read and what the administrator decided.</summary>
public sealed class SopDraftStep
{
    public int Number { get; set; }
    public string Activity { get; set; } = "";
    public string ShortName { get; set; } = "";
    public List<string> Inputs { get; set; } = [];

    /// <summary>The Waktu column's words; the duration is read from them (see <see cref="SopWaktu"/>).</summary>
    public string WaktuText { get; set; } = "";

    public string Output { get; set; } = "";
    public string Keterangan { get; set; } = "";

    /// <summary>The pelaksana columns holding a written mark in this row.</summary>
    public IReadOnlyList<int> MarkedColumns { get; init; } = [];

    /// <summary>The pelaksana columns holding a drawing in this row (a flowchart shape; it suggests, never decides).</summary>
    public IReadOnlyList<int> DrawnColumns { get; init; } = [];

    /// <summary>Index into <see cref="SopDraft.Pelaksana"/>.</summary>
    public int? PelaksanaColumn { get; set; }

    public PelaksanaDecision Decision { get; set; }
    public StepKind Kind { get; set; }
    public int? ReturnToStep { get; set; }

    /// <summary>The return target was written in the table or chosen by the administrator; suggestions leave it alone.</summary>
    public bool ReturnDecided { get; set; }

    public SopWaktuReading Waktu => SopWaktu.Read(WaktuText);

    /// <summary>Whether this step's pelaksana counts as settled (marked in the table or confirmed by the administrator).</summary>
    public bool HasSettledPelaksana => PelaksanaColumn is not null && Decision is PelaksanaDecision.Marked or PelaksanaDecision.Confirmed;
}

/// <summary>
/// An SOP read from its table, before it is saved: header, pelaksana columns and steps, each open to the
/// administrator's correction. Nothing here touches the database; <see cref="SopDraftProblems"/> says what stops saving.
/// </summary>
public sealed class SopDraft
{
    public SopDraftHeader Header { get; init; } = new();
    public List<SopDraftPelaksana> Pelaksana { get; init; } = [];
    public List<SopDraftStep> Steps { get; init; } = [];

    /// <summary>
    /// The draft as version 1 of a new SOP. Only a draft without problems converts. The table says nothing of an
    /// innovation's tahapan, so every step records the first; a work step asks for its output, as in the built-in SOP.
    /// </summary>
    public SopDocument ToDocument()
    {
        var problems = SopDraftProblems.List(this);
        if (problems.Count > 0) throw new InvalidOperationException("A draft with problems cannot become an SOP: " + string.Join("; ", problems));
        var header = new SopHeader(
            Header.Instansi.Trim(), Header.Dinas.Trim(), Header.BidangPemilik.Trim(), Header.Nomor.Trim(), Header.Judul.Trim(),
            Header.TanggalPembuatan!.Value, Header.TanggalRevisi!.Value, Header.TanggalEfektif!.Value,
            Header.DisahkanOleh.Trim(), Header.DisahkanOlehNama.Trim(), string.IsNullOrWhiteSpace(Header.DisahkanOlehNip) ? null : Header.DisahkanOlehNip.Trim(),
            [.. Header.DasarHukum], [.. Header.KualifikasiPelaksana], [.. Header.KeterkaitanSop], [.. Header.Peralatan], [.. Header.Peringatan], [.. Header.Pencatatan]);
        var pelaksana = Pelaksana.Select(p => new SopPelaksana(p.Name.Trim(), p.Level!.Value)).ToList();
        var steps = Steps.Select(s => new SopStepDefinition(
            s.Number, s.ShortName.Trim(), s.Activity, s.PelaksanaColumn!.Value, s.Kind, s.Waktu.Duration, [.. s.Inputs], s.Output,
            s.Kind == StepKind.Work ? null : s.ReturnToStep, InnovationStage.Inisiatif, RequiresOutput: s.Kind == StepKind.Work)).ToList();
        return new SopDocument(1, header, pelaksana, steps);
    }

    /// <summary>The administrator picks (or confirms) the pelaksana column of a step; later suggestions follow it.</summary>
    public void ConfirmPelaksana(SopDraftStep step, int column)
    {
        if (column < 0 || column >= Pelaksana.Count) throw new ArgumentOutOfRangeException(nameof(column), column, "Kolom pelaksana tidak ada.");
        Own(step);
        step.PelaksanaColumn = column;
        step.Decision = PelaksanaDecision.Confirmed;
        SopDraftSuggestions.Refresh(this);
    }

    /// <summary>Accepts every suggested pelaksana as it stands.</summary>
    public void ConfirmAllSuggestions()
    {
        foreach (var step in Steps.Where(s => s is { Decision: PelaksanaDecision.Suggested, PelaksanaColumn: not null }))
            step.Decision = PelaksanaDecision.Confirmed;
    }

    public void SetKind(SopDraftStep step, StepKind kind)
    {
        Own(step);
        step.Kind = kind;
        if (kind == StepKind.Work)
        {
            step.ReturnToStep = null;
            step.ReturnDecided = true;
        }
        SopDraftSuggestions.Refresh(this);
    }

    public void SetReturn(SopDraftStep step, int? target)
    {
        Own(step);
        step.ReturnToStep = target;
        step.ReturnDecided = true;
    }

    /// <summary>Steps are addressed as objects: a table may number two rows alike.</summary>
    private void Own(SopDraftStep step)
    {
        if (!Steps.Contains(step)) throw new ArgumentException("The step belongs to another draft.", nameof(step));
    }
}
