using Portal.Domain;

namespace Portal.Features.Reports;

/// <param name="Status">Already worded, e.g. "Berjalan · tepat waktu", "Terlambat 3 hari kerja", "Selesai".</param>
public sealed record PeriodInnovationRow(string Judul, string Bidang, string Tahapan, string LangkahSaatIni, string Status);

/// <summary>Finished runs of one SOP step in the period; the on-time rate is <see cref="TepatWaktu"/> / <see cref="Selesai"/>.</summary>
public sealed record StepOnTimeRow(int Number, string Kegiatan, int Selesai, int TepatWaktu, double? RataRataHariKerja, string WaktuSop)
{
    /// <summary>The unit of the step's waktu; a step not counted in working days shows <see cref="RataRataLama"/>.</summary>
    public StepTimeUnit Satuan { get; init; }

    /// <summary>The mean time taken in the step's unit, worded, e.g. "1 jam 12 menit kerja".</summary>
    public string RataRataLama { get; init; } = "—";
}

/// <param name="PeriodLabel">e.g. "November 2026" or "Tahun 2026".</param>
public sealed record PeriodReportData(
    ReportOffice Office,
    ReportSopInfo Sop,
    string PeriodLabel,
    IReadOnlyList<PeriodInnovationRow> Innovations,
    IReadOnlyList<StepOnTimeRow> Steps,
    DateTimeOffset GeneratedAt);
