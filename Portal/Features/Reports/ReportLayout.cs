using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Features.Reports;

internal enum TextStyle { Body, Bold, BoldUnderline, Italic, Small, SmallBold, SmallItalic, Heading, Title }

internal enum TextAlign { Left, Center, Right }

/// <param name="Weight">Share of the content width, relative to the other columns.</param>
/// <param name="Shaded">Tinted background, for label columns.</param>
internal sealed record ReportColumn(
    string Header,
    double Weight,
    TextAlign Align = TextAlign.Left,
    TextStyle Style = TextStyle.Small,
    bool Shaded = false);

/// <summary>
/// An A4 document being written top to bottom: the letterhead (the office's kop surat), a cursor, wrapped text and
/// tables that break across pages, then the footer and watermark on every page once the page count is known.
/// </summary>
internal sealed class ReportLayout : IDisposable
{
    private const double MarginLeft = 50;
    private const double MarginRight = 45;
    private const double MarginTop = 40;
    private const double MarginBottom = 64;
    private const double FooterOffset = 40;
    private const double LogoSize = 62;
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;
    private const double LineSpacing = 1.25;

    // Rows up to this height move to the next page whole; taller ones split, leaving at least two lines behind.
    private const double MaxRowHeightKeptTogether = 120;
    private const int MinimumLinesBeforeSplit = 2;

    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Muted = XColor.FromArgb(0x5F, 0x63, 0x68);
    private static readonly XColor GridLine = XColor.FromArgb(0x9A, 0xA0, 0xA6);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xDC, 0xE6, 0xF2);
    private static readonly XColor LabelFill = XColor.FromArgb(0xF3, 0xF6, 0xFA);
    private static readonly XColor WatermarkInk = XColor.FromArgb(40, 0x80, 0x80, 0x80);

    private readonly PdfDocument document = new();
    private readonly ReportOffice office;
    private readonly ReportSopInfo sop;
    private readonly string runningHeader;
    private readonly Dictionary<TextStyle, XFont> fonts;
    private readonly XFont instansiFont;
    private readonly XFont dinasFont;
    private readonly XFont watermarkFont;
    private readonly XSize pageSize;
    private XGraphics graphics;
    private double y;
    private string? pendingHeading;

    /// <param name="runningHeader">Short title repeated at the top of every page after the first.</param>
    /// <param name="documentTitle">The PDF's title metadata.</param>
    public ReportLayout(ReportOffice office, ReportSopInfo sop, string runningHeader, string documentTitle)
    {
        EmbeddedFontResolver.EnsureRegistered();
        this.office = office;
        this.sop = sop;
        this.runningHeader = runningHeader;

        fonts = new Dictionary<TextStyle, XFont>
        {
            [TextStyle.Body] = Font(9.5, XFontStyleEx.Regular),
            [TextStyle.Bold] = Font(9.5, XFontStyleEx.Bold),
            [TextStyle.BoldUnderline] = Font(9.5, XFontStyleEx.Bold | XFontStyleEx.Underline),
            [TextStyle.Italic] = Font(9.5, XFontStyleEx.Italic),
            [TextStyle.Small] = Font(8, XFontStyleEx.Regular),
            [TextStyle.SmallBold] = Font(8, XFontStyleEx.Bold),
            [TextStyle.SmallItalic] = Font(8, XFontStyleEx.Italic),
            [TextStyle.Heading] = Font(11, XFontStyleEx.Bold),
            [TextStyle.Title] = Font(14, XFontStyleEx.Bold),
        };
        instansiFont = Font(12.5, XFontStyleEx.Bold);
        dinasFont = Font(14.5, XFontStyleEx.Bold);
        watermarkFont = Font(150, XFontStyleEx.Bold);

        document.Info.Title = documentTitle;
        document.Info.Author = $"{office.NamaInstansi} — {office.PemerintahDaerah}";
        document.Info.Creator = ReportText.Creator;

        graphics = AddPage();
        pageSize = new XSize(graphics.PageSize.Width, graphics.PageSize.Height);
        DrawLetterhead();
    }

    private double Left => MarginLeft;

    private double Right => pageSize.Width - MarginRight;

    private double Bottom => pageSize.Height - MarginBottom;

    public double ContentWidth => Right - Left;

    public double LineHeight(TextStyle style) => fonts[style].Size * LineSpacing;

    public void Space(double points) => y += points;

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Title(string title, IEnumerable<string> subtitleLines)
    {
        WriteLines(title, TextStyle.Title, TextAlign.Center, 0, Ink);
        Space(2);
        foreach (var line in subtitleLines)
        {
            WriteLines(line, TextStyle.Small, TextAlign.Center, 0, Muted);
        }

        Space(10);
    }

    /// <summary>A section heading; it is drawn with the next paragraph or table, so it never ends a page alone.</summary>
    public void Heading(string text) => pendingHeading = text;

    /// <summary>Wrapped text between <paramref name="indent"/> (from the left margin) and the right margin.</summary>
    public void Paragraph(string text, TextStyle style = TextStyle.Body, double indent = 0)
    {
        PlaceHeading(LineHeight(style));
        WriteLines(text, style, TextAlign.Left, indent, Ink);
    }

    /// <summary>Two columns, label and value, without a header row.</summary>
    public void LabelValueTable(IEnumerable<(string Label, string Value)> rows) =>
        Table(
            [
                new ReportColumn("", 27, Style: TextStyle.Bold, Shaded: true),
                new ReportColumn("", 73, Style: TextStyle.Body),
            ],
            rows.Select(row => new[] { row.Label, row.Value }),
            showHeader: false);

    /// <summary>
    /// A grid whose cells wrap. A row that does not fit is continued on the next page, below the
    /// repeated header row, so even a cell longer than a page stays inside the margins.
    /// </summary>
    public void Table(IReadOnlyList<ReportColumn> columns, IEnumerable<IReadOnlyList<string>> rows, bool showHeader = true)
    {
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => c.Weight / totalWeight * ContentWidth).ToArray();
        var cellFonts = columns.Select(c => fonts[c.Style]).ToArray();
        var lineHeight = columns.Max(c => LineHeight(c.Style));

        var headerFont = fonts[TextStyle.SmallBold];
        var headerLineHeight = LineHeight(TextStyle.SmallBold);
        var headerCells = showHeader
            ? columns.Select((c, i) => Wrap(c.Header, headerFont, widths[i] - 2 * CellPaddingX)).ToArray()
            : null;
        var headerHeight = headerCells is null ? 0 : RowHeight(headerCells.Max(c => c.Count), headerLineHeight);

        void DrawHeader()
        {
            if (headerCells is not null)
            {
                DrawRow(headerCells, 0, headerCells.Max(c => c.Count), widths, headerLineHeight,
                    _ => headerFont, _ => TextAlign.Center, _ => HeaderFill, centreVertically: true);
            }
        }

        var wrappedRows = rows
            .Select(row => columns.Select((_, i) => Wrap(row[i], cellFonts[i], widths[i] - 2 * CellPaddingX)).ToArray())
            .ToList();
        var firstRowHeight = wrappedRows.Count == 0 ? 0 : RowHeight(wrappedRows[0].Max(c => c.Count), lineHeight);
        PlaceHeading(headerHeight + Math.Min(firstRowHeight, MaxRowHeightKeptTogether));
        DrawHeader();

        foreach (var cells in wrappedRows)
        {
            var lineCount = cells.Max(c => c.Count);
            var drawn = 0;
            while (drawn < lineCount)
            {
                var remaining = lineCount - drawn;
                var fitting = (int)Math.Floor((Bottom - y - 2 * CellPaddingY) / lineHeight);
                var keepWhole = RowHeight(remaining, lineHeight) <= MaxRowHeightKeptTogether;
                if (fitting < remaining && (keepWhole || fitting < MinimumLinesBeforeSplit))
                {
                    NewPage();
                    DrawHeader();
                    continue;
                }

                var take = Math.Min(fitting, remaining);
                DrawRow(cells, drawn, take, widths, lineHeight,
                    i => cellFonts[i], i => columns[i].Align, i => columns[i].Shaded ? LabelFill : null);
                drawn += take;
                if (drawn < lineCount)
                {
                    NewPage();
                    DrawHeader();
                }
            }
        }
    }

    /// <summary>Adds footer, page numbers and (for drafts) the watermark to every page, and returns the PDF.</summary>
    public byte[] Finish(DateTimeOffset generatedAt, bool isDraft)
    {
        graphics.Dispose();
        var pageCount = document.PageCount;
        for (var index = 0; index < pageCount; index++)
        {
            using var page = XGraphics.FromPdfPage(document.Pages[index], XGraphicsPdfPageOptions.Append);
            if (isDraft)
            {
                DrawWatermark(page);
            }

            DrawFooter(page, index + 1, pageCount, generatedAt);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        graphics.Dispose();
        document.Dispose();
    }

    // Unicode encoding, so names with letters outside Windows-1252 still print.
    private static XFont Font(double size, XFontStyleEx style) =>
        new(EmbeddedFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static double RowHeight(int lines, double lineHeight) => lines * lineHeight + 2 * CellPaddingY;

    private XGraphics AddPage()
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        y = MarginTop;
        return XGraphics.FromPdfPage(page);
    }

    private void WriteLines(string text, TextStyle style, TextAlign align, double indent, XColor colour)
    {
        var font = fonts[style];
        var width = ContentWidth - indent;
        var lineHeight = LineHeight(style);
        var brush = new XSolidBrush(colour);
        foreach (var line in Wrap(text, font, width))
        {
            KeepTogether(lineHeight);
            DrawLine(line, font, brush, new XRect(Left + indent, y, width, lineHeight), align);
            y += lineHeight;
        }
    }

    /// <summary>Draws the waiting heading, on a new page unless it and <paramref name="followingHeight"/> points fit here.</summary>
    private void PlaceHeading(double followingHeight)
    {
        if (pendingHeading is not { } heading)
        {
            return;
        }

        pendingHeading = null;
        Space(10);
        KeepTogether(LineHeight(TextStyle.Heading) + 3 + followingHeight);
        WriteLines(heading, TextStyle.Heading, TextAlign.Left, 0, Ink);
        Space(3);
    }

    private void NewPage()
    {
        graphics.Dispose();
        graphics = AddPage();
        DrawRunningHeader();
    }

    private void DrawLetterhead()
    {
        var textLeft = Left;
        if (office.Logo is { } png)
        {
            using var logo = XImage.FromStream(new MemoryStream(png, writable: false));
            graphics.DrawImage(logo, Left, y, LogoSize, LogoSize);
            textLeft += LogoSize + 8;
        }

        var textWidth = Right - textLeft;
        var lines = new List<(string Text, XFont Font)>();
        lines.AddRange(Wrap(ReportFormat.Upper(office.PemerintahDaerah), instansiFont, textWidth).Select(l => (l, instansiFont)));
        lines.AddRange(Wrap(ReportFormat.Upper(office.NamaInstansi), dinasFont, textWidth).Select(l => (l, dinasFont)));
        lines.AddRange(Wrap(ReportText.BidangLine(sop), fonts[TextStyle.Body], textWidth).Select(l => (l, fonts[TextStyle.Body])));
        if (office.ContactLine is { } contact)
            lines.AddRange(Wrap(contact, fonts[TextStyle.Small], textWidth).Select(l => (l, fonts[TextStyle.Small])));

        var textHeight = lines.Sum(l => l.Font.Size * LineSpacing);
        var textTop = y + Math.Max(0, (LogoSize - textHeight) / 2);
        var ink = new XSolidBrush(Ink);
        foreach (var (text, font) in lines)
        {
            var lineHeight = font.Size * LineSpacing;
            DrawLine(text, font, ink, new XRect(textLeft, textTop, textWidth, lineHeight), TextAlign.Center);
            textTop += lineHeight;
        }

        y = Math.Max(y + LogoSize, textTop) + 6;
        graphics.DrawLine(new XPen(Ink, 2.2), Left, y, Right, y);
        y += 3;
        graphics.DrawLine(new XPen(Ink, 0.7), Left, y, Right, y);
        y += 16;
    }

    private void DrawRunningHeader()
    {
        var font = fonts[TextStyle.SmallBold];
        var brush = new XSolidBrush(Muted);
        var lineHeight = LineHeight(TextStyle.SmallBold);
        var rect = new XRect(Left, y, ContentWidth, lineHeight);
        DrawLine(runningHeader, font, brush, rect, TextAlign.Left);
        DrawLine(sop.NomorSop, fonts[TextStyle.Small], brush, rect, TextAlign.Right);
        y += lineHeight + 2;
        graphics.DrawLine(new XPen(GridLine, 0.5), Left, y, Right, y);
        y += 12;
    }

    private void DrawFooter(XGraphics page, int pageNumber, int pageCount, DateTimeOffset generatedAt)
    {
        var top = pageSize.Height - FooterOffset;
        page.DrawLine(new XPen(GridLine, 0.5), Left, top, Right, top);
        var font = fonts[TextStyle.Small];
        var brush = new XSolidBrush(Muted);
        var rect = new XRect(Left, top + 4, ContentWidth, LineHeight(TextStyle.Small));
        page.DrawString(ReportText.Printed(office.Zone, generatedAt), font, brush, rect, XStringFormats.TopLeft);
        page.DrawString(ReportText.PageOf(pageNumber, pageCount), font, brush, rect, XStringFormats.TopRight);
    }

    private void DrawWatermark(XGraphics page)
    {
        var centre = new XPoint(pageSize.Width / 2, pageSize.Height / 2);
        var angle = -Math.Atan2(pageSize.Height, pageSize.Width) * 180 / Math.PI;
        var state = page.Save();
        page.RotateAtTransform(angle, centre);
        page.DrawString(ReportText.DraftWatermark, watermarkFont, new XSolidBrush(WatermarkInk), centre, XStringFormats.Center);
        page.Restore(state);
    }

    private void DrawRow(IReadOnlyList<string>[] cells, int firstLine, int lineCount, double[] widths, double lineHeight,
        Func<int, XFont> font, Func<int, TextAlign> align, Func<int, XColor?> fill, bool centreVertically = false)
    {
        var height = RowHeight(lineCount, lineHeight);
        var pen = new XPen(GridLine, 0.5);
        var ink = new XSolidBrush(Ink);
        var x = Left;
        for (var column = 0; column < cells.Length; column++)
        {
            var cell = new XRect(x, y, widths[column], height);
            if (fill(column) is { } colour)
            {
                graphics.DrawRectangle(new XSolidBrush(colour), cell);
            }

            graphics.DrawRectangle(pen, cell);
            var lines = cells[column];
            var top = y + CellPaddingY;
            if (centreVertically)
            {
                top += (lineCount - lines.Count) * lineHeight / 2;
            }

            for (var line = 0; line < lineCount && firstLine + line < lines.Count; line++)
            {
                var rect = new XRect(x + CellPaddingX, top + line * lineHeight,
                    widths[column] - 2 * CellPaddingX, lineHeight);
                DrawLine(lines[firstLine + line], font(column), ink, rect, align(column));
            }

            x += widths[column];
        }

        y += height;
    }

    private void DrawLine(string text, XFont font, XBrush brush, XRect rect, TextAlign align)
    {
        var format = align switch
        {
            TextAlign.Center => XStringFormats.TopCenter,
            TextAlign.Right => XStringFormats.TopRight,
            _ => XStringFormats.TopLeft,
        };
        graphics.DrawString(text, font, brush, rect, format);
    }

    private IReadOnlyList<string> Wrap(string text, XFont font, double width) => TextWrapper.Wrap(graphics, text, font, width);
}
