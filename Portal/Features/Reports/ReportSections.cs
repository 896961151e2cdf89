namespace Portal.Features.Reports;

/// <summary>Sections more than one report prints the same way.</summary>
internal static class ReportSections
{
    /// <summary>A heading, then a numbered table of the items, or a line saying there are none.</summary>
    public static void NumberedSection<T>(this ReportLayout layout, string heading, string none, IReadOnlyList<T> items,
        ReportColumn[] columns, Func<T, string[]> cells)
    {
        layout.Heading(heading);
        if (items.Count == 0)
        {
            layout.Paragraph(none, TextStyle.Italic);
            return;
        }
        layout.Table(
            [new ReportColumn(ReportText.No, 20, TextAlign.Center), .. columns],
            items.Select((item, index) => (IReadOnlyList<string>)[(index + 1).ToString(ReportFormat.Culture), .. cells(item)]));
    }

    /// <summary>The returns for revision: which step, when, by whom and why.</summary>
    /// <param name="timeHeader">The time column's header, naming the zone the times are in.</param>
    public static void Returns(this ReportLayout layout, IReadOnlyList<LaporanReturn> returns, Func<int, string> stepName,
        Func<DateTimeOffset, string> time, string timeHeader) =>
        layout.NumberedSection(ReportText.Returns.Heading, ReportText.Returns.None, returns,
        [
            new ReportColumn(ReportText.Returns.Langkah, 110),
            new ReportColumn(timeHeader, 76),
            new ReportColumn(ReportText.Returns.Oleh, 86),
            new ReportColumn(ReportText.Returns.Alasan, 208),
        ],
        item => [stepName(item.StepNumber), time(item.At), item.By, item.Reason]);
}
