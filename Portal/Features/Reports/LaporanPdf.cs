using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>The Laporan Inovasi Pelayanan: the record the SOP names under "Pencatatan".</summary>
public static class LaporanPdf
{
    public static byte[] Render(LaporanData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var layout = new ReportLayout(data.Office, data.Sop, ReportText.LaporanTitle,
            documentTitle: $"{ReportText.LaporanTitle} — {data.Innovation.Judul}");

        layout.Title(ReportText.LaporanTitle, ReportText.SopLines(data.Sop));
        WriteIdentity(layout, data.Innovation);
        WriteSteps(layout, data.Steps, data.Office.Zone);
        WriteReturns(layout, data);
        WriteOutputs(layout, data);
        WriteApproval(layout, data.Office, data.Approval);
        return layout.Finish(data.GeneratedAt, data.IsDraft);
    }

    private static void WriteIdentity(ReportLayout layout, LaporanIdentity innovation)
    {
        layout.Heading(ReportText.Identity.Heading);
        layout.LabelValueTable(
        [
            (ReportText.Identity.Judul, innovation.Judul),
            (ReportText.Identity.Ringkasan, innovation.Ringkasan),
            (ReportText.Identity.LatarBelakang, innovation.LatarBelakang),
            (ReportText.Identity.Tujuan, innovation.Tujuan),
            (ReportText.Identity.Manfaat, innovation.Manfaat),
            (ReportText.Identity.Bidang, innovation.Bidang),
            (ReportText.Identity.Pengusul, ReportText.Identity.PengusulValue(innovation.Pengusul, innovation.PengusulNip)),
            (ReportText.Identity.JenisInovasi, innovation.JenisInovasi),
            (ReportText.Identity.Urusan, innovation.Urusan),
            (ReportText.Identity.Tahapan, innovation.Tahapan),
            (ReportText.Identity.Anggaran, ReportFormat.Rupiah(innovation.Anggaran)),
            (ReportText.Identity.TanggalMulai, ReportFormat.Date(innovation.TanggalMulai)),
        ]);
    }

    private static void WriteSteps(ReportLayout layout, IReadOnlyList<LaporanStepRow> steps, OfficeZone zone)
    {
        layout.Heading(ReportText.Steps.Heading);
        // An SOP of days only keeps its plain "Hari kerja" column; one with steps of hours, minutes or calendar days
        // words each step's time in its own unit.
        var inWorkingDays = steps.All(s => s.Lama is null or { Unit: StepTimeUnit.WorkingDays });
        layout.Table(
        [
            new ReportColumn(ReportText.No, 20, TextAlign.Center),
            new ReportColumn(ReportText.Kegiatan, inWorkingDays ? 98 : 84),
            new ReportColumn(ReportText.Steps.Pelaksana, 82),
            new ReportColumn(ReportText.WaktuSop, 42),
            new ReportColumn(ReportText.Steps.Mulai(zone), 76),
            new ReportColumn(ReportText.Steps.Selesai(zone), 76),
            inWorkingDays ? new ReportColumn(ReportText.Steps.HariKerja, 34, TextAlign.Center) : new ReportColumn(ReportText.Steps.Lama, 48),
            new ReportColumn(ReportText.Steps.Status, 72),
        ],
        steps.Select(step => new[]
        {
            step.Number.ToString(ReportFormat.Culture),
            step.Kegiatan,
            step.Pelaksana,
            step.WaktuSop,
            ReportFormat.DateTime(zone, step.Mulai),
            ReportFormat.DateTime(zone, step.Selesai),
            inWorkingDays ? ReportFormat.Number(step.Lama?.Days) : step.Lama?.Text ?? ReportFormat.Missing,
            step.Status,
        }));
    }

    private static void WriteReturns(ReportLayout layout, LaporanData data) =>
        layout.Returns(data.Returns, number => StepName(data.Steps, number), at => ReportFormat.DateTime(data.Office.Zone, at),
            ReportText.Returns.Waktu(data.Office.Zone));

    private static void WriteOutputs(ReportLayout layout, LaporanData data) =>
        layout.NumberedSection(ReportText.Outputs.Heading, ReportText.Outputs.None, data.Outputs,
        [
            new ReportColumn(ReportText.Outputs.Langkah, 110),
            new ReportColumn(ReportText.Outputs.Berkas, 178),
            new ReportColumn(ReportText.Outputs.Oleh, 96),
            new ReportColumn(ReportText.Outputs.Waktu(data.Office.Zone), 76),
        ],
        item => [StepName(data.Steps, item.StepNumber), item.FileName, item.UploadedBy, ReportFormat.DateTime(data.Office.Zone, item.UploadedAt)]);

    private static string StepName(IReadOnlyList<LaporanStepRow> steps, int number) =>
        steps.FirstOrDefault(s => s.Number == number) is { } step
            ? $"{number}. {step.Kegiatan}"
            : number.ToString(ReportFormat.Culture);

    /// <summary>The signature block in the right half of the page: filled when approved, blank lines otherwise.</summary>
    private static void WriteApproval(ReportLayout layout, ReportOffice office, LaporanApproval? approval)
    {
        const double signatureSpace = 46;
        string[] heading =
        [
            ReportText.Approval.ApprovedBy,
            ReportText.Approval.Role(office, approval?.ActingTitle),
            office.Region,
            approval is null ? ReportText.Approval.BlankDate : ReportText.Approval.Date(office.Zone, approval.ApprovedAt),
        ];
        (string Text, TextStyle Style)[] signatory = approval switch
        {
            null => [(ReportText.Approval.BlankName, TextStyle.Body), (ReportText.Approval.BlankNip, TextStyle.Body)],
            { Nip: null } => [(approval.Name, TextStyle.BoldUnderline)],
            _ => [(approval.Name, TextStyle.BoldUnderline), (ReportText.Approval.Nip(approval.Nip), TextStyle.Body)],
        };

        var indent = layout.ContentWidth / 2;
        // Two spare lines for a role that wraps.
        var lines = heading.Length + signatory.Length + 2;
        layout.Space(18);
        layout.KeepTogether(lines * layout.LineHeight(TextStyle.Body) + signatureSpace);
        foreach (var line in heading)
        {
            layout.Paragraph(line, indent: indent);
        }

        if (approval is null)
        {
            layout.Space(signatureSpace);
        }
        else
        {
            var gap = (signatureSpace - layout.LineHeight(TextStyle.SmallItalic)) / 2;
            layout.Space(gap);
            layout.Paragraph(ReportText.Approval.Electronic, TextStyle.SmallItalic, indent);
            layout.Space(gap);
        }
        foreach (var (text, style) in signatory)
        {
            layout.Paragraph(text, style, indent);
        }
    }
}
