using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.SopImport;
using Portal.Tests.Domain.SopImport;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Tests.Features.Admin.SopImport;

/// <summary>
/// An SOP form as a person would have it in Word or Excel, written with OpenXml: the rows above the table (single
/// lines as paragraphs, label/value rows as a table in Word), then the SOP table with PELAKSANA and MUTU BAKU merged
/// over their columns. "**text**" is written as bold text.
/// </summary>
public sealed partial record SopFormFiles(IReadOnlyList<IReadOnlyList<string>> Preamble, IReadOnlyList<IReadOnlyList<string>> Table)
{
    public static SopFormFiles From(SyntheticSop sop) => new([.. sop.HeaderRows, [], [sop.Judul.ToUpperInvariant()]], sop.TableRows);

    /// <summary>The pasted text split at the table, its HTML blocks made into a title line and one line per item (as Word holds them).</summary>
    public static SopFormFiles FromText(string text)
    {
        var rows = SopGrid.FromText(text).Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToList()).ToList();
        var header = rows.FindIndex(r => r.Any(c => c.Trim() == "NO") && r.Any(c => c.Trim().Equals("KEGIATAN", StringComparison.OrdinalIgnoreCase)));
        var preamble = rows.Take(header).Select(r => (IReadOnlyList<string>)r.Select(AsWordText).ToList()).ToList();
        return new SopFormFiles(preamble, rows.Skip(header).Where(r => r.Any(c => c.Trim().Length > 0)).ToList());
    }

    private static string AsWordText(string cell)
    {
        var title = BoldTitle().Match(cell);
        if (!title.Success) return cell.TrimStart('#', ' ');
        var items = ListItem().Matches(cell).Select(m => m.Groups[1].Value).ToList();
        return string.Join("\n", new[] { title.Groups[1].Value }.Concat(items));
    }

    // ---- Word ----

    /// <param name="drawingAt">A (table row, column) of the SOP table that gets a drawing instead of text.</param>
    public byte[] Docx((int Row, int Column)? drawingAt = null)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            var pending = new List<IReadOnlyList<string>>();
            void FlushTable()
            {
                if (pending.Count == 0) return;
                body.Append(new W.Table(pending.Select(r => new W.TableRow(r.Select(c => WordCell(c, 1))))));
                pending.Clear();
            }
            foreach (var row in Preamble)
            {
                var cells = row.Where(c => c.Trim().Length > 0).ToList();
                if (cells.Count >= 2)
                {
                    pending.Add(row);
                    continue;
                }
                FlushTable();
                foreach (var line in (cells.FirstOrDefault() ?? "").Split('\n')) body.Append(WordParagraph(line));
            }
            FlushTable();
            body.Append(SopTable(drawingAt));
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return memory.ToArray();
    }

    private W.Table SopTable((int Row, int Column)? drawingAt)
    {
        var table = new W.Table();
        for (var r = 0; r < Table.Count; r++)
        {
            var row = Table[r];
            var wordRow = new W.TableRow();
            if (r == 0)
            {
                // The top header row: a title followed by empty cells spans them (PELAKSANA, MUTU BAKU).
                for (var c = 0; c < row.Count; c++)
                {
                    var span = 1;
                    while (row[c].Length > 0 && c + span < row.Count && row[c + span].Length == 0) span++;
                    wordRow.Append(WordCell(row[c], span));
                    c += span - 1;
                }
            }
            else
            {
                for (var c = 0; c < row.Count; c++)
                {
                    var cell = WordCell(row[c], 1);
                    if (drawingAt == (r, c)) cell.GetFirstChild<W.Paragraph>()!.Append(new W.Run(new W.Drawing()));
                    wordRow.Append(cell);
                }
            }
            table.Append(wordRow);
        }
        return table;
    }

    private static W.TableCell WordCell(string text, int span)
    {
        var cell = new W.TableCell();
        if (span > 1) cell.Append(new W.TableCellProperties(new W.GridSpan { Val = span }));
        foreach (var line in text.Split('\n')) cell.Append(WordParagraph(line));
        return cell;
    }

    private static W.Paragraph WordParagraph(string line)
    {
        var bold = line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal) && line.Length > 4;
        var text = bold ? line[2..^2] : line;
        var run = new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.PrependChild(new W.RunProperties(new W.Bold()));
        return new W.Paragraph(run);
    }

    // ---- Excel ----

    /// <param name="drawingAt">A (table row, column) of the SOP table where a shape is anchored.</param>
    public byte[] Xlsx((int Row, int Column)? drawingAt = null)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new X.Fonts(new X.Font(), new X.Font(new X.Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new X.Border()),
                new CellFormats(
                    new CellFormat { FontId = 0 },
                    new CellFormat { FontId = 1, ApplyFont = true },
                    new CellFormat { FontId = 0, NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new MergeCells();

            var rowNumber = 0;
            foreach (var row in Preamble) data.Append(SheetRow(++rowNumber, row, shared.SharedStringTable));
            var tableStart = rowNumber + 1;
            foreach (var row in Table)
            {
                data.Append(SheetRow(++rowNumber, row, shared.SharedStringTable));
                if (rowNumber != tableStart) continue;
                for (var c = 0; c < row.Count; c++)
                {
                    var span = 1;
                    while (row[c].Length > 0 && c + span < row.Count && row[c + span].Length == 0) span++;
                    if (span > 1) merges.Append(new MergeCell { Reference = $"{Column(c)}{rowNumber}:{Column(c + span - 1)}{rowNumber}" });
                    c += span - 1;
                }
            }
            var worksheet = new Worksheet(data);
            if (merges.HasChildren) worksheet.Append(merges);
            if (drawingAt is var (drawingRow, drawingColumn))
            {
                var drawings = sheetPart.AddNewPart<DrawingsPart>();
                drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
                    new Xdr.FromMarker(new Xdr.ColumnId(drawingColumn.ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                        new Xdr.RowId((tableStart - 1 + drawingRow).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                    new Xdr.ToMarker(new Xdr.ColumnId((drawingColumn + 1).ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                        new Xdr.RowId((tableStart + drawingRow).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                    new Xdr.ClientData()));
                worksheet.Append(new X.Drawing { Id = sheetPart.GetIdOfPart(drawings) });
            }
            sheetPart.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "SOP" }));
        }
        return memory.ToArray();
    }

    private static X.Row SheetRow(int number, IReadOnlyList<string> cells, SharedStringTable shared)
    {
        var row = new X.Row { RowIndex = (uint)number };
        for (var c = 0; c < cells.Count; c++)
        {
            var text = cells[c];
            if (text.Length == 0) continue;
            var reference = $"{Column(c)}{number}";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
                row.Append(new X.Cell { CellReference = reference, CellValue = new CellValue(whole) });
            else if (SopFormText.Date(text) is { } date && !text.Contains('/'))
                row.Append(new X.Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()) });
            else
            {
                var bold = text.StartsWith("**", StringComparison.Ordinal) && text.EndsWith("**", StringComparison.Ordinal) && text.Length > 4;
                shared.Append(new SharedStringItem(new X.Text(bold ? text[2..^2] : text) { Space = SpaceProcessingModeValues.Preserve }));
                row.Append(new X.Cell
                {
                    CellReference = reference, DataType = CellValues.SharedString, StyleIndex = bold ? 1u : 0u,
                    CellValue = new CellValue(shared.Count() - 1),
                });
            }
        }
        return row;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Everything the parser read, to compare two readings of the same form.</summary>
    public static string Shape(SopDraft draft) => JsonSerializer.Serialize(draft, new JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex(@"^\s*<b>(.*?)</b>", RegexOptions.Singleline)]
    private static partial Regex BoldTitle();

    [GeneratedRegex(@"<(?:li|p)\b[^>]*>(.*?)</(?:li|p)>", RegexOptions.Singleline)]
    private static partial Regex ListItem();
}
