using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>How the reports word the SOP header and a step's timing.</summary>
public static class ReportWording
{
    public static ReportSopInfo SopInfo(SopDocument sop) => new(
        sop.Header.BidangPemilik,
        sop.Header.Nomor,
        sop.Version,
        IndonesianFormat.LongDate(sop.Header.TanggalEfektif),
        $"{sop.Header.DisahkanOleh} ({sop.Header.DisahkanOlehNama})");

    /// <summary>
    /// "Terlambat 2 hari kerja" in the step's unit (<see cref="StepTimeText.Late"/>, judged afterwards): a step finished
    /// late on its due day is late by less than a working day; one of hours or minutes "Terlambat 1 jam 20 menit kerja".
    /// </summary>
    public static string Late(SlaStatus sla) => Capitalized(StepTimeText.Late(sla, judgedAfterwards: true));

    /// <summary>A step run in the Laporan: judged when it finished, or now while it runs.</summary>
    public static string StepStatus(SlaStatus sla, bool finished) => (sla.Level, finished) switch
    {
        (SlaLevel.Late, _) => Late(sla),
        (_, true) => "Tepat waktu",
        _ => "Berjalan",
    };

    public const string NotStarted = "Belum dimulai";

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>How a step run ended, in the words of the SOP; "Berjalan" while it runs.</summary>
    public static string Outcome(StepOutcome? outcome, int? returnedTo) => outcome switch
    {
        null => "Berjalan",
        StepOutcome.Selesai => "Selesai",
        StepOutcome.Sesuai => "Sesuai",
        StepOutcome.TidakSesuai => returnedTo is { } step ? $"Tidak sesuai, dikembalikan ke langkah {step}" : "Tidak sesuai, dikembalikan",
        StepOutcome.Disetujui => "Disetujui",
        StepOutcome.Dibatalkan => "Dibatalkan",
        _ => outcome.Value.ToString(),
    };

    /// <summary>
    /// The person who finished a run: with the official they acted for as Plh./Plt., or with "Plt. &lt;position&gt;" when
    /// they acted for a vacant position.
    /// </summary>
    public static string Actor(StepRun run) => (run.FinishedByName ?? "—") + run switch
    {
        { OnBehalfOf: { } principal } => $" (atas nama {principal})",
        { ActingTitle: { } title } => $" ({title} {run.ActingPosition})",
        _ => "",
    };

    /// <summary>"Plt." when the run was finished for a vacant position (no principal to sign for); else null.</summary>
    public static string? VacancyTitle(StepRun run) => run is { OnBehalfOf: null, ActingTitle: { } title } ? title : null;
}
