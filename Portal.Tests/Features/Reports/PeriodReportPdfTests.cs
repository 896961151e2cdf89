using Portal.Features.Reports;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

public class PeriodReportPdfTests
{
    [Fact]
    public void Lists_every_innovation_of_the_period()
    {
        var data = ReportSamples.November();

        using var pdf = new PdfReadBack(PeriodReportPdf.Render(data));

        var text = pdf.AllText;
        Assert.Contains("PEMERINTAH KABUPATEN PASER", text);
        Assert.Contains("REKAPITULASI INOVASI PELAYANAN — NOVEMBER 2026", text);
        Assert.Contains("12./005/SOP/DKPS/1/2024", text);
        Assert.Contains("Jumlah inovasi: 3", text);
        foreach (var row in data.Innovations)
        {
            Assert.Contains(PdfReadBack.Compact(row.Judul), pdf.CompactText);
            Assert.Contains(PdfReadBack.Compact(row.LangkahSaatIni), pdf.CompactText);
            Assert.Contains(PdfReadBack.Compact(row.Status), pdf.CompactText);
        }

        Assert.Contains($"Halaman 1 dari {pdf.Pages.Count}", pdf.Pages[0].Text);
    }

    [Fact]
    public void Shows_on_time_rate_per_step_and_a_dash_without_finished_runs()
    {
        using var pdf = new PdfReadBack(PeriodReportPdf.Render(ReportSamples.November()));

        var lines = pdf.Pages.SelectMany(p => TextLines(p)).ToList();
        Assert.Contains(lines, l => l.StartsWith("1 ") && l.EndsWith("4 3 75% 9,5"));
        Assert.Contains(lines, l => l.StartsWith("2 ") && l.EndsWith("6 6 100% 1,8"));
        Assert.Contains(lines, l => l.StartsWith("4 ") && l.EndsWith("3 2 66,7% 2,3"));
        Assert.Contains(lines, l => l.StartsWith("6 ") && l.EndsWith("0 0 — —"));
    }

    [Fact]
    public void A_step_counted_in_hours_shows_its_mean_time_in_office_hours()
    {
        var data = ReportSamples.November();
        data = data with
        {
            Steps = [.. data.Steps.Select(s => s.Number == 2
                ? s with { WaktuSop = "4 jam", RataRataHariKerja = 0.4, Satuan = Portal.Domain.StepTimeUnit.WorkingTime, RataRataLama = "3 jam 15 menit kerja" }
                : s with { RataRataLama = $"{s.RataRataHariKerja:0.0} hari kerja".Replace('.', ',') })],
        };

        using var pdf = new PdfReadBack(PeriodReportPdf.Render(data));

        var lines = pdf.Pages.SelectMany(p => TextLines(p)).ToList();
        Assert.Contains("Rata-rata lama", pdf.AllText);
        Assert.Contains(lines, l => l.StartsWith("2 ") && l.EndsWith("6 6 100% 3 jam 15 menit kerja"));
        Assert.Contains(lines, l => l.StartsWith("1 ") && l.EndsWith("4 3 75% 9,5 hari kerja"));
        Assert.DoesNotContain("Rata-rata hari kerja", pdf.AllText);
    }

    [Fact]
    public void Empty_period_says_so()
    {
        var data = ReportSamples.November() with { PeriodLabel = "Tahun 2027", Innovations = [] };

        using var pdf = new PdfReadBack(PeriodReportPdf.Render(data));

        Assert.Contains("REKAPITULASI INOVASI PELAYANAN — TAHUN 2027", pdf.AllText);
        Assert.Contains("Tidak ada inovasi pada periode ini.", pdf.AllText);
    }

    [RequiresToolFact(ExternalTools.PdfToPpm)]
    public void First_page_renders_to_png()
    {
        var png = ReportArtifacts.RenderFirstPage(PeriodReportPdf.Render(ReportSamples.November()), "rekap-periode");

        Assert.Equal((496, 702), ReportArtifacts.PngSize(png));
    }

    /// <summary>The page's words grouped into lines by their baseline, left to right.</summary>
    private static IEnumerable<string> TextLines(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords()
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y))
            .Select(line => string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
}
