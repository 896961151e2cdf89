using System.Globalization;
using Portal.Data;
using Portal.Features.Reports;
using Portal.Tests.Infrastructure;
using UglyToad.PdfPig.Content;

namespace Portal.Tests.Features.Reports;

public class LaporanPdfTests
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Fact]
    public void Finished_innovation_shows_sop_number_title_and_each_step_in_wita()
    {
        var data = ReportSamples.FinishedInnovation();

        using var pdf = new PdfReadBack(LaporanPdf.Render(data));

        var text = pdf.AllText;
        Assert.Contains("PEMERINTAH KABUPATEN PASER", text);
        Assert.Contains("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", text);
        Assert.Contains("LAPORAN INOVASI PELAYANAN", text);
        Assert.Contains("12./005/SOP/DKPS/1/2024", text);
        Assert.Contains("Versi 2", text);
        Assert.Contains(PdfReadBack.Compact("Disahkan oleh " + data.Sop.DisahkanOleh), pdf.CompactText);
        Assert.Contains("01 Oktober 2026", text);
        Assert.Contains("Rp 85.000.000", text);
        // 01:30 UTC is 09.30 WITA; id-ID writes times with a dot.
        Assert.Contains("01 Okt 2026 09.30", text);
        Assert.Contains("29 Okt 2026 16.30", text);
        foreach (var step in data.Steps)
        {
            Assert.Contains(Wita(step.Mulai!.Value), text);
            Assert.Contains(Wita(step.Selesai!.Value), text);
            Assert.Contains(PdfReadBack.Compact(step.Kegiatan), pdf.CompactText);
        }
    }

    [Fact]
    public void An_SOP_of_days_keeps_its_hari_kerja_column_and_one_with_an_hour_step_words_each_time_in_its_unit()
    {
        var days = ReportSamples.FinishedInnovation();
        var withHours = days with
        {
            Steps = [.. days.Steps.Select(s => s.Number == 7
                ? s with { WaktuSop = "4 jam", Lama = Portal.Domain.StepTime.InWorkingTime(TimeSpan.FromMinutes(150)) }
                : s)],
        };

        using var daysPdf = new PdfReadBack(LaporanPdf.Render(days));
        using var hoursPdf = new PdfReadBack(LaporanPdf.Render(withHours));

        Assert.Contains(PdfReadBack.Compact("Hari kerja"), daysPdf.CompactText);
        Assert.DoesNotContain("2 jam", daysPdf.AllText);
        Assert.DoesNotContain(PdfReadBack.Compact("Hari kerja"), hoursPdf.CompactText);
        Assert.Contains(PdfReadBack.Compact("2 jam 30 menit kerja"), hoursPdf.CompactText);
        Assert.Contains(PdfReadBack.Compact("10 hari kerja"), hoursPdf.CompactText);
    }

    [Fact]
    public void Finished_innovation_lists_returns_outputs_and_the_approval()
    {
        var data = ReportSamples.FinishedInnovation();

        using var pdf = new PdfReadBack(LaporanPdf.Render(data));

        var text = pdf.AllText;
        Assert.Contains("Pengembalian untuk perbaikan", text);
        foreach (var item in data.Returns)
        {
            Assert.Contains(PdfReadBack.Compact(item.Reason), pdf.CompactText);
        }

        Assert.Contains("Keluaran (lampiran)", text);
        foreach (var output in data.Outputs)
        {
            Assert.Contains(output.FileName, text);
        }

        Assert.Contains("Disetujui oleh", text);
        Assert.Contains("Kepala Dinas Kependudukan dan Pencatatan Sipil", text);
        Assert.Contains(ReportSamples.ApproverName, text);
        Assert.Contains("NIP " + ReportSamples.ApproverNip, text);
        Assert.Contains("16 Nov 2026 11.15", text);
        Assert.DoesNotContain("DRAF", text);
    }

    [Fact]
    public void Every_page_is_a4_with_numbered_footer_and_embedded_fonts()
    {
        using var pdf = new PdfReadBack(LaporanPdf.Render(ReportSamples.FinishedInnovation()));

        Assert.All(pdf.Pages, page => Assert.Equal(PageSize.A4, page.Size));
        Assert.Contains($"Halaman 1 dari {pdf.Pages.Count}", pdf.Pages[0].Text);
        Assert.Contains("Dicetak 17 Nov 2026 09.00 WITA", pdf.Pages[0].Text);
        Assert.Empty(pdf.FontsWithoutProgram());
    }

    [Fact]
    public void Draft_carries_the_draf_watermark_on_every_page_and_an_empty_signature_block()
    {
        var data = ReportSamples.DraftInnovation();

        using var pdf = new PdfReadBack(LaporanPdf.Render(data));

        Assert.All(pdf.Pages, page => Assert.Contains("DRAF", page.Text));
        var text = pdf.AllText;
        Assert.Contains("Tidak ada", text);
        Assert.Contains("Belum ada lampiran", text);
        Assert.Contains("Belum dimulai", text);
        Assert.Contains("Tanggal: ....", text);
        Assert.Contains("NIP ....", text);
        Assert.DoesNotContain(ReportSamples.ApproverNip, text);
    }

    [Fact]
    public void Long_innovation_breaks_onto_more_pages_and_never_leaves_the_page()
    {
        var shortPages = CountPages(LaporanPdf.Render(ReportSamples.FinishedInnovation()));
        var data = ReportSamples.LongInnovation();

        using var pdf = new PdfReadBack(LaporanPdf.Render(data));

        Assert.True(pdf.Pages.Count > shortPages + 1, $"{pdf.Pages.Count} pages, short one has {shortPages}");
        for (var index = 0; index < pdf.Pages.Count; index++)
        {
            var page = pdf.Pages[index];
            Assert.Contains($"Halaman {index + 1} dari {pdf.Pages.Count}", page.Text);
            Assert.All(page.Letters, letter =>
            {
                Assert.InRange(letter.BoundingBox.Left, 40, page.Width - 40);
                Assert.InRange(letter.BoundingBox.Right, 40, page.Width - 40);
                Assert.InRange(letter.BoundingBox.Bottom, 20, page.Height - 30);
            });
        }

        Assert.Contains(PdfReadBack.Compact(data.Innovation.Manfaat), pdf.CompactText);
        Assert.Contains(PdfReadBack.Compact(data.Returns[^1].Reason), pdf.CompactText);
        Assert.Contains(ReportSamples.ApproverName, pdf.Pages[^1].Text);
    }

    [Fact]
    public void Renders_safely_from_several_threads_at_once()
    {
        var results = Enumerable.Range(0, 4).AsParallel()
            .Select(_ => CountPages(LaporanPdf.Render(ReportSamples.FinishedInnovation())))
            .ToList();

        Assert.All(results, pages => Assert.Equal(results[0], pages));
    }

    [Fact]
    public void The_default_office_prints_Pasers_kop_with_the_portals_logo()
    {
        using var pdf = new PdfReadBack(LaporanPdf.Render(ReportSamples.FinishedInnovation()));

        Assert.Single(pdf.Pages[0].GetImages());
        Assert.Contains("Kabupaten Paser", pdf.Pages[^1].Text);
        Assert.Contains("Mulai (WITA)", pdf.AllText);
    }

    [Fact]
    public void The_kop_carries_the_offices_names_and_contacts_its_zone_and_no_logo_when_the_office_uploaded_an_SVG()
    {
        var profile = OfficeProfileStore.FromDefaults(new OfficeDefaults
        {
            PemerintahDaerah = "Pemerintah Kota Jayapura",
            NamaInstansi = "Dinas Kependudukan dan Pencatatan Sipil",
            Alamat = "Jl. Soa Siu Dok II",
            Telepon = "(0967) 533123",
            TimeZone = "Asia/Jayapura",
        }) with { Logo = TestImages.Svg("<circle r=\"9\"/>"), LogoContentType = "image/svg+xml" };
        var data = ReportSamples.FinishedInnovation() with { Office = ReportOffice.From(profile) };

        using var pdf = new PdfReadBack(LaporanPdf.Render(data));

        var first = pdf.Pages[0].Text;
        Assert.Contains("PEMERINTAH KOTA JAYAPURA", first);
        Assert.Contains(PdfReadBack.Compact("Jl. Soa Siu Dok II · Telp. (0967) 533123"), PdfReadBack.Compact(first));
        Assert.DoesNotContain("KABUPATEN PASER", first);
        Assert.Empty(pdf.Pages[0].GetImages());
        // 01:30 UTC is 10.30 WIT.
        Assert.Contains("01 Okt 2026 10.30", first);
        Assert.Contains("Mulai (WIT)", pdf.AllText);
        Assert.Contains("Dicetak 17 Nov 2026 10.00 WIT", first);
        Assert.Contains("Kota Jayapura", pdf.Pages[^1].Text);
        Assert.Contains("Kepala Dinas Kependudukan dan Pencatatan Sipil", pdf.Pages[^1].Text);
        Assert.DoesNotContain("WITA", pdf.AllText);
    }

    [RequiresToolFact(ExternalTools.PdfToPpm)]
    public void First_page_renders_to_png()
    {
        var png = ReportArtifacts.RenderFirstPage(LaporanPdf.Render(ReportSamples.FinishedInnovation()), "laporan-inovasi");

        // A4 at 60 dpi.
        Assert.Equal((496, 702), ReportArtifacts.PngSize(png));
    }

    private static string Wita(DateTimeOffset value) =>
        value.ToOffset(TimeSpan.FromHours(8)).ToString("dd MMM yyyy HH:mm", Indonesian);

    private static int CountPages(byte[] pdf)
    {
        using var readBack = new PdfReadBack(pdf);
        return readBack.Pages.Count;
    }
}
