namespace Portal.Features.Reports;

/// <summary>The Laporan Pelaksanaan SOP: the record of one item of any SOP, run by run.</summary>
public static class PelaksanaanPdf
{
    public static byte[] Render(PelaksanaanData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = ReportText.Pelaksanaan.Title;
        using var layout = new ReportLayout(data.Office, data.Sop, title, documentTitle: $"{title} — {data.Judul}");

        layout.Title(title, [ReportText.Pelaksanaan.SopTitle(data.SopJudul), .. ReportText.SopLines(data.Sop)]);
        WriteIdentity(layout, data);
        WriteRuns(layout, data);
        layout.Returns(data.Returns, number => StepName(data, number), at => ReportFormat.DateTime(data.Office.Zone, at),
            ReportText.Returns.Waktu(data.Office.Zone));
        return layout.Finish(data.GeneratedAt, data.IsDraft);
    }

    private static void WriteIdentity(ReportLayout layout, PelaksanaanData data)
    {
        layout.Heading(ReportText.Pelaksanaan.IdentityHeading);
        layout.LabelValueTable(
        [
            (ReportText.Pelaksanaan.Judul, data.Judul),
            (ReportText.Pelaksanaan.Bidang, data.Bidang),
            (ReportText.Pelaksanaan.DibuatOleh, data.DibuatOleh),
            (ReportText.Pelaksanaan.Status, data.Status),
            .. data.Fields,
        ]);
    }

    private static void WriteRuns(ReportLayout layout, PelaksanaanData data)
    {
        var zone = data.Office.Zone;
        layout.NumberedSection(ReportText.Pelaksanaan.RunsHeading, ReportText.Pelaksanaan.NoRuns, data.Runs,
        [
            new ReportColumn(ReportText.Pelaksanaan.Langkah, 92),
            new ReportColumn(ReportText.Steps.Pelaksana, 66),
            new ReportColumn(ReportText.Steps.Mulai(zone), 60),
            new ReportColumn(ReportText.Steps.Selesai(zone), 60),
            new ReportColumn(ReportText.Pelaksanaan.Lama, 50),
            new ReportColumn(ReportText.Pelaksanaan.Hasil, 76),
            new ReportColumn(ReportText.Pelaksanaan.Keluaran, 76),
        ],
        run =>
        [
            run.Langkah,
            run.Pelaksana,
            ReportFormat.DateTime(zone, run.Mulai),
            ReportFormat.DateTime(zone, run.Selesai),
            run.Lama,
            run.Hasil,
            run.Keluaran.Count == 0 ? "—" : string.Join("\n", run.Keluaran),
        ]);
    }

    private static string StepName(PelaksanaanData data, int number) =>
        data.Runs.FirstOrDefault(r => r.StepNumber == number)?.Langkah ?? number.ToString(ReportFormat.Culture);
}
