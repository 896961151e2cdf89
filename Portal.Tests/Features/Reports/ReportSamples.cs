using Portal.Data;
using Portal.Domain;
using Portal.Features.Reports;

namespace Portal.Tests.Features.Reports;

/// <summary>Report inputs shaped like a real innovation; times are given in UTC so tests see the WITA conversion.</summary>
internal static class ReportSamples
{
    public const string ApproverName = "DR. H. Ismani Yanuardi, S.Hut., MM";
    public const string ApproverNip = "19700512 199803 1 008";

    /// <summary>The office as the portal starts: the profile's defaults (Paser, WITA, the portal's own logo).</summary>
    public static readonly ReportOffice Office = ReportOffice.From(OfficeProfileStore.FromDefaults(new OfficeDefaults()));

    public static readonly ReportSopInfo Sop = new(
        BidangPemilik: "Kerja Sama dan Inovasi Pelayanan",
        NomorSop: "12./005/SOP/DKPS/1/2024",
        SopVersion: 2,
        TanggalEfektif: "8 Januari 2024",
        DisahkanOleh: "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Paser (DR. H. Ismani Yanuardi, S.Hut., MM)");

    public static DateTimeOffset Utc(int month, int day, int hour, int minute) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    public static LaporanData FinishedInnovation() => new(
        Office,
        Sop,
        new LaporanIdentity(
            Judul: "SIPANDU PASER — Pelayanan Adminduk Keliling ke Desa Terpencil",
            Ringkasan: "Petugas Disdukcapil datang ke kantor desa membawa perangkat perekaman KTP-el dan mencetak dokumen di tempat.",
            LatarBelakang: "Warga desa di hulu Sungai Kandilo harus menempuh lebih dari empat jam perjalanan ke Tana Paser untuk mengurus dokumen kependudukan.",
            Tujuan: "Mendekatkan layanan administrasi kependudukan kepada warga desa terpencil.",
            Manfaat: "Cakupan kepemilikan KTP-el dan akta kelahiran naik; biaya dan waktu perjalanan warga turun.",
            Bidang: "Pelayanan Pendaftaran Penduduk",
            Pengusul: "Andi Saputra, S.Kom.",
            PengusulNip: "19880214 201101 1 003",
            JenisInovasi: "Non-digital",
            Urusan: "Pelayanan publik",
            Tahapan: "Penerapan",
            Anggaran: 85_000_000m,
            TanggalMulai: new DateOnly(2026, 10, 1)),
        [
            new LaporanStepRow(1, "Identifikasi dan kajian peraturan", "Pejabat Fungsional", "2 minggu", Utc(10, 1, 1, 30), Utc(10, 14, 7, 0), StepTime.InWorkingDays(10), "Tepat waktu"),
            new LaporanStepRow(2, "Membuat konsep inovasi", "Pejabat Fungsional", "2 hari", Utc(10, 22, 0, 30), Utc(10, 23, 6, 0), StepTime.InWorkingDays(2), "Tepat waktu"),
            new LaporanStepRow(3, "Verifikasi konsep; ajukan bila sesuai", "Kepala Bidang", "—", Utc(10, 26, 1, 0), Utc(10, 26, 3, 20), StepTime.InWorkingDays(1), "Selesai"),
            new LaporanStepRow(4, "Verifikasi konsep", "Kepala Dinas", "2 hari", Utc(10, 27, 0, 15), Utc(10, 29, 8, 30), StepTime.InWorkingDays(3), "Terlambat 1 hari kerja"),
            new LaporanStepRow(5, "Memberikan persetujuan", "Kepala Dinas", "—", Utc(10, 30, 0, 30), Utc(10, 30, 2, 0), StepTime.InWorkingDays(1), "Selesai"),
            new LaporanStepRow(6, "Set up inovasi", "Pejabat Fungsional", "1 minggu", Utc(11, 2, 0, 0), Utc(11, 6, 7, 45), StepTime.InWorkingDays(5), "Tepat waktu"),
            new LaporanStepRow(7, "Uji coba set up", "Pejabat Fungsional", "2 hari", Utc(11, 9, 1, 0), Utc(11, 10, 6, 0), StepTime.InWorkingDays(2), "Tepat waktu"),
            new LaporanStepRow(8, "Evaluasi hasil uji coba", "Kepala Bidang", "2 hari", Utc(11, 11, 0, 30), Utc(11, 12, 7, 0), StepTime.InWorkingDays(2), "Tepat waktu"),
            new LaporanStepRow(9, "Menyusun laporan hasil pelaksanaan", "Pejabat Fungsional", "1 hari", Utc(11, 13, 1, 0), Utc(11, 13, 6, 30), StepTime.InWorkingDays(1), "Tepat waktu"),
            new LaporanStepRow(10, "Persetujuan laporan", "Kepala Dinas", "—", Utc(11, 16, 2, 0), Utc(11, 16, 3, 15), StepTime.InWorkingDays(1), "Selesai"),
        ],
        [
            new LaporanReturn(3, Utc(10, 16, 7, 30), "Hj. Rina Marlina, S.E.", "Konsep belum memuat alur pelayanan dan daftar persyaratan."),
            new LaporanReturn(4, Utc(10, 21, 3, 0), ApproverName, "Tambahkan jadwal kunjungan per kecamatan."),
        ],
        [
            new LaporanOutput(2, "Konsep_Inovasi_SIPANDU.pdf", "Andi Saputra, S.Kom.", Utc(10, 23, 6, 0)),
            new LaporanOutput(6, "Hasil_Setup_Alur_Layanan.docx", "Andi Saputra, S.Kom.", Utc(11, 6, 7, 45)),
            new LaporanOutput(9, "Laporan_Hasil_Pelaksanaan.pdf", "Andi Saputra, S.Kom.", Utc(11, 13, 6, 30)),
        ],
        new LaporanApproval(ApproverName, ApproverNip, Utc(11, 16, 3, 15)),
        IsDraft: false,
        GeneratedAt: Utc(11, 17, 1, 0));

    /// <summary>An innovation still in progress: not approved, no returns, no outputs yet.</summary>
    public static LaporanData DraftInnovation()
    {
        var finished = FinishedInnovation();
        return finished with
        {
            Steps =
            [
                .. finished.Steps.Take(6),
                new LaporanStepRow(7, "Uji coba set up", "Pejabat Fungsional", "2 hari", Utc(11, 9, 1, 0), null, null, "Berjalan"),
                .. finished.Steps.Skip(7).Select(s => s with { Mulai = null, Selesai = null, Lama = null, Status = "Belum dimulai" }),
            ],
            Returns = [],
            Outputs = [],
            Approval = null,
            IsDraft = true,
        };
    }

    /// <summary>Texts far longer than a page, one unbreakable word and many returns.</summary>
    public static LaporanData LongInnovation()
    {
        var finished = FinishedInnovation();
        var paragraph = string.Concat(Enumerable.Repeat(
            "Warga desa terpencil menempuh perjalanan panjang melalui sungai dan jalan tanah untuk mengurus dokumen kependudukan. ", 40));
        return finished with
        {
            Innovation = finished.Innovation with
            {
                Ringkasan = paragraph,
                LatarBelakang = paragraph + "\n" + paragraph,
                Manfaat = "https://disdukcapil.paserkab.go.id/" + new string('x', 400),
            },
            Returns = Enumerable.Range(1, 30)
                .Select(i => new LaporanReturn(i % 2 == 0 ? 3 : 4, Utc(10, 16, 7, 30).AddHours(i), "Hj. Rina Marlina, S.E.",
                    $"Perbaikan ke-{i}: " + string.Concat(Enumerable.Repeat("lengkapi uraian persyaratan dan alur pelayanan. ", 6))))
                .ToList(),
        };
    }

    public static PeriodReportData November() => new(
        Office,
        Sop,
        "November 2026",
        [
            new PeriodInnovationRow("SIPANDU PASER — Pelayanan Adminduk Keliling", "Pelayanan Pendaftaran Penduduk", "Penerapan", "10. Persetujuan laporan", "Selesai"),
            new PeriodInnovationRow("Akta Kelahiran Langsung dari Puskesmas", "Pelayanan Pencatatan Sipil", "Uji coba", "7. Uji coba set up", "Berjalan · tepat waktu"),
            new PeriodInnovationRow("Antrean Daring Kantor Kecamatan", "Pemanfaatan Data dan Inovasi", "Inisiatif", "2. Membuat konsep inovasi", "Terlambat 3 hari kerja"),
        ],
        [
            new StepOnTimeRow(1, "Identifikasi dan kajian peraturan", 4, 3, 9.5, "2 minggu"),
            new StepOnTimeRow(2, "Membuat konsep inovasi", 6, 6, 1.8, "2 hari"),
            new StepOnTimeRow(4, "Verifikasi konsep", 3, 2, 2.3, "2 hari"),
            new StepOnTimeRow(6, "Set up inovasi", 0, 0, null, "1 minggu"),
        ],
        Utc(12, 1, 0, 30));
}
