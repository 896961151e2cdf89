using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>Rekapitulasi for a month or a year: where every innovation stands and how punctual each SOP step was.</summary>
public static class PeriodReportPdf
{
    public static byte[] Render(PeriodReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = ReportText.Recap.Title(data.PeriodLabel);
        using var layout = new ReportLayout(data.Office, data.Sop, title, documentTitle: title);

        layout.Title(title, ReportText.SopLines(data.Sop));
        WriteInnovations(layout, data.Innovations);
        WriteOnTimeRates(layout, data.Steps);
        return layout.Finish(data.GeneratedAt, isDraft: false);
    }

    private static void WriteInnovations(ReportLayout layout, IReadOnlyList<PeriodInnovationRow> innovations)
    {
        layout.Heading(ReportText.Recap.InnovationsHeading);
        if (innovations.Count == 0)
        {
            layout.Paragraph(ReportText.Recap.NoInnovations, TextStyle.Italic);
            return;
        }

        layout.Paragraph(ReportText.Recap.Count(innovations.Count));
        layout.Space(4);
        layout.Table(
        [
            new ReportColumn(ReportText.No, 20, TextAlign.Center),
            new ReportColumn(ReportText.Recap.Judul, 150),
            new ReportColumn(ReportText.Recap.Bidang, 84),
            new ReportColumn(ReportText.Recap.Tahapan, 56),
            new ReportColumn(ReportText.Recap.LangkahSaatIni, 100),
            new ReportColumn(ReportText.Recap.Status, 90),
        ],
        innovations.Select((row, index) => new[]
        {
            (index + 1).ToString(ReportFormat.Culture),
            row.Judul,
            row.Bidang,
            row.Tahapan,
            row.LangkahSaatIni,
            row.Status,
        }));
    }

    private static void WriteOnTimeRates(ReportLayout layout, IReadOnlyList<StepOnTimeRow> steps)
    {
        layout.Heading(ReportText.Recap.OnTimeHeading);
        // An SOP of days only keeps its numeric "Rata-rata hari kerja"; otherwise each step's mean is worded in its unit.
        var inWorkingDays = steps.All(s => s.Satuan == StepTimeUnit.WorkingDays);
        layout.Table(
        [
            new ReportColumn(ReportText.No, 20, TextAlign.Center),
            new ReportColumn(ReportText.Kegiatan, inWorkingDays ? 170 : 150),
            new ReportColumn(ReportText.WaktuSop, 56),
            new ReportColumn(ReportText.Recap.Selesai, 48, TextAlign.Right),
            new ReportColumn(ReportText.Recap.TepatWaktu, 48, TextAlign.Right),
            new ReportColumn(ReportText.Recap.Persentase, 58, TextAlign.Right),
            inWorkingDays ? new ReportColumn(ReportText.Recap.RataRata, 60, TextAlign.Right) : new ReportColumn(ReportText.Recap.RataRataLama, 80),
        ],
        steps.Select(step => new[]
        {
            step.Number.ToString(ReportFormat.Culture),
            step.Kegiatan,
            step.WaktuSop,
            step.Selesai.ToString(ReportFormat.Culture),
            step.TepatWaktu.ToString(ReportFormat.Culture),
            ReportFormat.Percent(step.TepatWaktu, step.Selesai),
            inWorkingDays ? ReportFormat.Decimal(step.RataRataHariKerja) : step.RataRataLama,
        }));
        layout.Space(4);
        layout.Paragraph(ReportText.Recap.OnTimeNote, TextStyle.SmallItalic);
    }
}
