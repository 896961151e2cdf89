using Portal.Domain;
using Portal.Features.Reports;
using Portal.Tests.Domain;
using UglyToad.PdfPig.Content;

namespace Portal.Tests.Features.Reports;

/// <summary>The Laporan Pelaksanaan SOP as printed, from hand-made data of an office in WIB.</summary>
public sealed class PelaksanaanPdfTests
{
    // 2 Nov 2026 08.00 WITA is 07.00 WIB.
    private static DateTimeOffset At(string wita) => TestCalendar.Wita(wita);

    private static PelaksanaanData Sample(bool finished = true) => new(
        new ReportOffice("Pemerintah Kabupaten Sleman", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman", null, null, OfficeZone.Wib),
        new ReportSopInfo("Pelayanan Pendaftaran Penduduk", "800/012/SOP/DKPS/2024", 1, "1 Februari 2024", "Kepala Dinas (Dr. Sri Wahyuni)"),
        "Pelayanan Legalisir Dokumen Kependudukan",
        "Legalisir KK a.n. Budi Santoso", "Pelayanan Pendaftaran Penduduk", "Rizky Ramadhan, S.Kom.",
        finished ? "Selesai" : "Berjalan, di langkah 4. Pengesahan",
        [("Nomor permohonan", "LGS/2026/0117"), ("Biaya", "Rp 1.500.000"), ("Tanggal permohonan", "24 November 2026")],
        [
            new(1, "1. Penerimaan permohonan", "Pejabat Fungsional", At("2026-11-02 08:00"), At("2026-11-02 09:30"), "1 jam 30 menit kerja",
                "Selesai\nRizky Ramadhan, S.Kom.", ["Surat permohonan.pdf"]),
            new(2, "2. Verifikasi berkas", "Kepala Seksi", At("2026-11-02 09:30"), At("2026-11-03 10:00"), "1 hari kerja",
                "Tidak sesuai, dikembalikan ke langkah 1\nNurul Hidayah", []),
            new(1, "1. Penerimaan permohonan", "Pejabat Fungsional", At("2026-11-03 10:00"), At("2026-11-03 15:30"), "5 jam 30 menit kerja",
                "Selesai\nRizky Ramadhan, S.Kom.", []),
            new(2, "2. Verifikasi berkas", "Kepala Seksi", At("2026-11-03 15:30"), At("2026-11-04 08:00"), "1 hari kerja", "Sesuai\nNurul Hidayah", []),
            new(3, "3. Penerbitan legalisir", "Pejabat Fungsional", At("2026-11-04 08:00"), At("2026-11-05 10:00"), "1 hari kerja",
                "Selesai\nRizky Ramadhan, S.Kom.", ["KK terlegalisir.pdf"]),
            new(4, "4. Pengesahan", "Kepala Dinas", At("2026-11-05 10:00"), finished ? At("2026-11-06 11:00") : null, "1 hari kerja",
                finished ? "Disetujui\nDr. Sri Wahyuni" : "Berjalan", []),
        ],
        [new LaporanReturn(2, At("2026-11-03 10:00"), "Nurul Hidayah", "Fotokopi KTP-el pemohon belum dilampirkan.")],
        IsDraft: !finished,
        At("2026-11-06 12:00"));

    [Fact]
    public void The_kop_the_SOP_header_the_item_and_its_fields_are_printed()
    {
        var data = Sample();

        using var pdf = new PdfReadBack(PelaksanaanPdf.Render(data));

        var text = pdf.AllText;
        Assert.Contains("PEMERINTAH KABUPATEN SLEMAN", text);
        Assert.Contains(PdfReadBack.Compact("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN SLEMAN"), pdf.CompactText);
        Assert.Contains("LAPORAN PELAKSANAAN SOP", text);
        Assert.Contains(PdfReadBack.Compact("SOP Pelayanan Legalisir Dokumen Kependudukan"), pdf.CompactText);
        Assert.Contains("800/012/SOP/DKPS/2024", text);
        Assert.Contains(PdfReadBack.Compact("Tanggal efektif 1 Februari 2024"), pdf.CompactText);
        Assert.Contains(PdfReadBack.Compact("Disahkan oleh Kepala Dinas (Dr. Sri Wahyuni)"), pdf.CompactText);
        Assert.Contains(PdfReadBack.Compact("Legalisir KK a.n. Budi Santoso"), pdf.CompactText);
        foreach (var (label, value) in data.Fields)
            Assert.Contains(PdfReadBack.Compact(label + value), pdf.CompactText);
        Assert.DoesNotContain("DRAF", text);
        Assert.Empty(pdf.FontsWithoutProgram());
    }

    [Fact]
    public void Every_run_shows_its_step_pelaksana_times_in_the_office_zone_working_time_outcome_and_outputs()
    {
        var data = Sample();

        using var pdf = new PdfReadBack(PelaksanaanPdf.Render(data));

        var compact = pdf.CompactText;
        Assert.Contains(PdfReadBack.Compact("Mulai (WIB)"), compact);
        Assert.Contains(PdfReadBack.Compact("Selesai (WIB)"), compact);
        foreach (var run in data.Runs)
        {
            Assert.Contains(PdfReadBack.Compact(run.Langkah), compact);
            Assert.Contains(PdfReadBack.Compact(run.Pelaksana), compact);
            Assert.Contains(PdfReadBack.Compact(run.Lama), compact);
            Assert.Contains(PdfReadBack.Compact(run.Hasil), compact);
            foreach (var file in run.Keluaran) Assert.Contains(PdfReadBack.Compact(file), compact);
        }
        // Hand-converted from WITA: one hour earlier.
        foreach (var shown in new[] { "02 Nov 2026 07.00", "02 Nov 2026 08.30", "03 Nov 2026 09.00", "03 Nov 2026 14.30", "04 Nov 2026 07.00",
                     "05 Nov 2026 09.00", "06 Nov 2026 10.00" })
            Assert.Contains(PdfReadBack.Compact(shown), compact);
        Assert.DoesNotContain(PdfReadBack.Compact("02 Nov 2026 08.00"), compact);
    }

    [Fact]
    public void A_return_is_listed_with_its_step_time_person_and_reason()
    {
        using var pdf = new PdfReadBack(PelaksanaanPdf.Render(Sample()));

        var compact = pdf.CompactText;
        Assert.Contains(PdfReadBack.Compact("C. Pengembalian untuk perbaikan"), compact);
        Assert.Contains(PdfReadBack.Compact("Waktu (WIB)"), compact);
        Assert.Contains(PdfReadBack.Compact("1 2. Verifikasi berkas 03 Nov 2026 09.00 Nurul Hidayah Fotokopi KTP-el pemohon belum dilampirkan."), compact);
    }

    [Fact]
    public void An_item_still_running_is_a_draft_on_every_page()
    {
        using var pdf = new PdfReadBack(PelaksanaanPdf.Render(Sample(finished: false)));

        Assert.All(pdf.Pages, page => Assert.Contains("DRAF", page.Text));
        Assert.All(pdf.Pages, page => Assert.Equal(PageSize.A4, page.Size));
        Assert.Contains(PdfReadBack.Compact("Berjalan, di langkah 4. Pengesahan"), pdf.CompactText);
    }
}
