namespace Portal.Features.Reports;

/// <summary>The Laporan Pelaksanaan SOP: the record of one item of any SOP, run by run.</summary>
public static class PelaksanaanPdf
{
    public static byte[] Render(PelaksanaanData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = ReportText.Pelaksanaan.Title;
        using var layout = new ReportLayout(data.Sop, title, documentTitle: $"{title} — {data.Judul}");

        layout.Title(title, [ReportText.Pelaksanaan.SopTitle(data.SopJudul), .. ReportText.SopLines(data.Sop)]);
        WriteIdentity(layout, data);
        WriteRuns(layout, data);
        layout.Returns(data.Returns, number => StepName(data, number), at => ReportFormat.DateTime(at, data.Zone),
            ReportText.Pelaksanaan.InZone(ReportText.Pelaksanaan.Waktu, data.Zone));
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

    private static void WriteRuns(ReportLayout layout, PelaksanaanData data) =>
        layout.NumberedSection(ReportText.Pelaksanaan.RunsHeading, ReportText.Pelaksanaan.NoRuns, data.Runs,
        [
            new ReportColumn(ReportText.Pelaksanaan.Langkah, 92),
            new ReportColumn(ReportText.Pelaksanaan.Pelaksana, 66),
            new ReportColumn(ReportText.Pelaksanaan.InZone(ReportText.Pelaksanaan.Mulai, data.Zone), 60),
            new ReportColumn(ReportText.Pelaksanaan.InZone(ReportText.Pelaksanaan.Selesai, data.Zone), 60),
            new ReportColumn(ReportText.Pelaksanaan.Lama, 50),
            new ReportColumn(ReportText.Pelaksanaan.Hasil, 76),
            new ReportColumn(ReportText.Pelaksanaan.Keluaran, 76),
        ],
        run =>
        [
            run.Langkah,
            run.Pelaksana,
            ReportFormat.DateTime(run.Mulai, data.Zone),
            ReportFormat.DateTime(run.Selesai, data.Zone),
            run.Lama,
            run.Hasil,
            run.Keluaran.Count == 0 ? "—" : string.Join("\n", run.Keluaran),
        ]);

    private static string StepName(PelaksanaanData data, int number) =>
        data.Runs.FirstOrDefault(r => r.StepNumber == number)?.Langkah ?? number.ToString(ReportFormat.Culture);
}
