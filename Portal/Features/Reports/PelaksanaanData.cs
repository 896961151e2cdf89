namespace Portal.Features.Reports;

/// <summary>One run of one SOP step, already worded: a returned step that was done again has a run for each time.</summary>
/// <param name="Lama">The working time it took, e.g. "2 hari kerja" or "1 jam 30 menit kerja" (until now while it runs).</param>
/// <param name="Hasil">How it ended and who ended it, e.g. "Tidak sesuai, dikembalikan ke langkah 1\nNurul Hidayah".</param>
/// <param name="Keluaran">The names of the files recorded as its output.</param>
public sealed record PelaksanaanRun(
    int StepNumber,
    string Langkah,
    string Pelaksana,
    DateTimeOffset Mulai,
    DateTimeOffset? Selesai,
    string Lama,
    string Hasil,
    IReadOnlyList<string> Keluaran);

/// <summary>
/// Everything the Laporan Pelaksanaan SOP shows for an item of any SOP but the innovation SOP; built by
/// <see cref="PelaksanaanQuery"/>, rendered by <see cref="PelaksanaanPdf"/>. <paramref name="Office"/> gives the kop surat
/// and the zone the times are written in.
/// </summary>
public sealed record PelaksanaanData(
    ReportOffice Office,
    ReportSopInfo Sop,
    string SopJudul,
    string Judul,
    string Bidang,
    string DibuatOleh,
    string Status,
    IReadOnlyList<(string Label, string Value)> Fields,
    IReadOnlyList<PelaksanaanRun> Runs,
    IReadOnlyList<LaporanReturn> Returns,
    bool IsDraft,
    DateTimeOffset GeneratedAt);
