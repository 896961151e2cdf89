using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>Every word the PDF reports print, in one place.</summary>
internal static class ReportText
{
    public const string LaporanTitle = "LAPORAN INOVASI PELAYANAN";
    public const string RecapTitle = "REKAPITULASI INOVASI PELAYANAN";
    public const string DraftWatermark = "DRAF";
    public const string Creator = "Portal Inovasi Pelayanan";

    public static IEnumerable<string> SopLines(ReportSopInfo sop) =>
    [
        $"Nomor SOP {sop.NomorSop} · Versi {sop.SopVersion} · Tanggal efektif {sop.TanggalEfektif}",
        $"Disahkan oleh {sop.DisahkanOleh}",
    ];

    public static string BidangLine(ReportSopInfo sop) => $"Bidang {sop.BidangPemilik}";

    public static string Printed(OfficeZone zone, DateTimeOffset at) => $"Dicetak {ReportFormat.DateTime(zone, at)} {zone.Label}";

    public static string PageOf(int page, int count) => $"Halaman {page} dari {count}";

    public const string No = "No";
    public const string Kegiatan = "Kegiatan";
    public const string WaktuSop = "Waktu SOP";

    public static class Identity
    {
        public const string Heading = "A. Identitas Inovasi";
        public const string Judul = "Judul inovasi";
        public const string Ringkasan = "Ringkasan";
        public const string LatarBelakang = "Latar belakang / masalah";
        public const string Tujuan = "Tujuan";
        public const string Manfaat = "Manfaat";
        public const string Bidang = "Bidang pengusul";
        public const string Pengusul = "Pengusul";
        public const string JenisInovasi = "Jenis inovasi";
        public const string Urusan = "Urusan";
        public const string Tahapan = "Tahapan";
        public const string Anggaran = "Anggaran";
        public const string TanggalMulai = "Tanggal mulai";

        public static string PengusulValue(string name, string? nip) => nip is null ? name : $"{name}\nNIP {nip}";
    }

    public static class Steps
    {
        public const string Heading = "B. Pelaksanaan Tahapan SOP";
        public const string Pelaksana = "Pelaksana";
        public static string Mulai(OfficeZone zone) => $"Mulai ({zone.Label})";
        public static string Selesai(OfficeZone zone) => $"Selesai ({zone.Label})";
        public const string HariKerja = "Hari kerja";
        public const string Lama = "Lama";
        public const string Status = "Status";
    }

    public static class Returns
    {
        public const string Heading = "C. Pengembalian untuk perbaikan";
        public const string Langkah = "Langkah";
        public static string Waktu(OfficeZone zone) => $"Waktu ({zone.Label})";
        public const string Oleh = "Dikembalikan oleh";
        public const string Alasan = "Alasan";
        public const string None = "Tidak ada";
    }

    public static class Outputs
    {
        public const string Heading = "D. Keluaran (lampiran)";
        public const string Langkah = "Langkah";
        public const string Berkas = "Nama berkas";
        public const string Oleh = "Diunggah oleh";
        public static string Waktu(OfficeZone zone) => $"Waktu unggah ({zone.Label})";
        public const string None = "Belum ada lampiran";
    }

    public static class Approval
    {
        public const string ApprovedBy = "Disetujui oleh,";
        public const string Electronic = "Disetujui secara elektronik";
        public const string BlankDate = "Tanggal: ..............................";
        public const string BlankName = "(.................................................)";
        public const string BlankNip = "NIP ..........................................";

        /// <summary>"Kepala Dinas ...", or "Plt. Kepala Dinas ..." when a Plt. of the vacant position approved.</summary>
        public static string Role(ReportOffice office, string? actingTitle = null) =>
            $"{(actingTitle is null ? "" : actingTitle + " ")}Kepala {office.NamaInstansi}";

        public static string Date(OfficeZone zone, DateTimeOffset at) => $"Tanggal: {ReportFormat.DateTime(zone, at)} {zone.Label}";

        public static string Nip(string nip) => $"NIP {nip}";
    }

    public static class Pelaksanaan
    {
        public const string Title = "LAPORAN PELAKSANAAN SOP";

        public static string SopTitle(string judul) => $"SOP {judul}";

        public const string IdentityHeading = "A. Identitas";
        public const string Judul = "Judul";
        public const string Bidang = "Bidang";
        public const string DibuatOleh = "Dibuat oleh";
        public const string Status = "Status";

        public const string RunsHeading = "B. Pelaksanaan Langkah SOP";
        public const string Langkah = "Langkah";
        public const string Lama = "Lama (waktu kerja)";
        public const string Hasil = "Hasil";
        public const string Keluaran = "Keluaran (lampiran)";
        public const string NoRuns = "Belum ada langkah yang dijalankan.";
    }

    public static class Recap
    {
        public static string Title(string periodLabel) => $"{RecapTitle} — {ReportFormat.Upper(periodLabel)}";

        public static string Count(int innovations) => $"Jumlah inovasi: {innovations}";

        public const string InnovationsHeading = "A. Daftar Inovasi";
        public const string Judul = "Judul inovasi";
        public const string Bidang = "Bidang";
        public const string Tahapan = "Tahapan";
        public const string LangkahSaatIni = "Langkah saat ini";
        public const string Status = "Status";
        public const string NoInnovations = "Tidak ada inovasi pada periode ini.";

        public const string OnTimeHeading = "B. Ketepatan Waktu per Langkah SOP";
        public const string Selesai = "Selesai";
        public const string TepatWaktu = "Tepat waktu";
        public const string Persentase = "Tepat waktu (%)";
        public const string RataRata = "Rata-rata hari kerja";
        public const string RataRataLama = "Rata-rata lama";
        public const string OnTimeNote =
            "Tepat waktu (%) = langkah yang selesai tepat waktu dibagi langkah yang selesai pada periode ini; "
            + "tanda \"—\" berarti belum ada langkah yang selesai.";
    }
}
