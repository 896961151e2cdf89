using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>The SOP header every report shows (the kop's names come from the office, <see cref="ReportOffice"/>).</summary>
public sealed record ReportSopInfo(
    string BidangPemilik,
    string NomorSop,
    int SopVersion,
    string TanggalEfektif,
    string DisahkanOleh);

public sealed record LaporanIdentity(
    string Judul,
    string Ringkasan,
    string LatarBelakang,
    string Tujuan,
    string Manfaat,
    string Bidang,
    string Pengusul,
    string? PengusulNip,
    string JenisInovasi,
    string Urusan,
    string Tahapan,
    decimal? Anggaran,
    DateOnly TanggalMulai);

/// <param name="Lama">The time its newest run took (until now while it runs) in the step's unit; null before it started.</param>
/// <param name="Status">Already worded, e.g. "Tepat waktu", "Terlambat 2 hari kerja", "Berjalan", "Belum dimulai".</param>
public sealed record LaporanStepRow(
    int Number,
    string Kegiatan,
    string Pelaksana,
    string WaktuSop,
    DateTimeOffset? Mulai,
    DateTimeOffset? Selesai,
    StepTime? Lama,
    string Status);

public sealed record LaporanReturn(int StepNumber, DateTimeOffset At, string By, string Reason);

public sealed record LaporanOutput(int StepNumber, string FileName, string UploadedBy, DateTimeOffset UploadedAt);

/// <param name="ActingTitle">"Plt." when the approver acted for the vacant head's position: the signature's role line carries it.</param>
public sealed record LaporanApproval(string Name, string? Nip, DateTimeOffset ApprovedAt, string? ActingTitle = null);

/// <summary>Everything the Laporan Inovasi Pelayanan shows; built by the caller, rendered by <see cref="LaporanPdf"/>.</summary>
public sealed record LaporanData(
    ReportOffice Office,
    ReportSopInfo Sop,
    LaporanIdentity Innovation,
    IReadOnlyList<LaporanStepRow> Steps,
    IReadOnlyList<LaporanReturn> Returns,
    IReadOnlyList<LaporanOutput> Outputs,
    LaporanApproval? Approval,
    bool IsDraft,
    DateTimeOffset GeneratedAt);
