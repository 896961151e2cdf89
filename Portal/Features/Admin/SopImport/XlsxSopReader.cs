using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.SopImport;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Portal.Features.Admin.SopImport;

/// <summary>
/// The first worksheet of an Excel SOP as rows, one cell per column from A (merged cells keep their text in the
/// first cell, as a paste gives). A cell in a bold font is marked **bold** (the signer's name); a shape anchored in a
/// cell is recorded as a drawing.
/// </summary>
public static class XlsxSopReader
{
    /// <summary>A worksheet of an SOP form is far smaller; this bounds what a crafted file can make us allocate.</summary>
    private const int MaxRows = 5_000;
    private const int MaxColumns = 100;

    public static SopGrid? Read(WorkbookPart workbook)
    {
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet) return null;
        var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
        var boldStyles = BoldStyles(workbook);

        var cells = new SortedDictionary<int, SortedDictionary<int, SopCell>>();
        void Put(int row, int column, SopCell cell)
        {
            if (row >= MaxRows || column >= MaxColumns) return;
            if (!cells.TryGetValue(row, out var line)) cells[row] = line = [];
            line[column] = cell;
        }

        var nextRow = 0;
        foreach (var row in worksheet.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            var rowIndex = row.RowIndex?.Value is { } r ? (int)r - 1 : nextRow;
            nextRow = rowIndex + 1;
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnOf(cell.CellReference?.Value) ?? nextColumn;
                nextColumn = column + 1;
                var text = CellText(cell, sharedStrings);
                if (text.Length == 0) continue;
                var bold = cell.StyleIndex?.Value is { } style && boldStyles.Contains(style);
                Put(rowIndex, column, new SopCell(bold && !text.Contains('\n') ? "**" + text.Trim() + "**" : text));
            }
        }
        foreach (var (row, column) in DrawingAnchors(worksheet))
        {
            var existing = cells.GetValueOrDefault(row)?.GetValueOrDefault(column) ?? SopCell.Empty;
            Put(row, column, existing with { HasDrawing = true });
        }

        var rows = new List<IReadOnlyList<SopCell>>();
        var last = cells.Count == 0 ? -1 : cells.Keys.Max();
        for (var r = 0; r <= last; r++)
        {
            if (!cells.TryGetValue(r, out var line))
            {
                rows.Add([]);
                continue;
            }
            var width = line.Keys.Max() + 1;
            rows.Add(Enumerable.Range(0, width).Select(c => line.GetValueOrDefault(c) ?? SopCell.Empty).ToList());
        }
        return new SopGrid(rows);
    }

    private static string CellText(Cell cell, List<string> sharedStrings) => RawText(cell, sharedStrings).Replace("\r\n", "\n");

    private static string RawText(Cell cell, List<string> sharedStrings)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : "";
        if (type == CellValues.Boolean) return "";
        return value;
    }

    /// <summary>A shared or inline string: plain text or rich-text runs, without phonetic guides.</summary>
    private static string ItemText(DocumentFormat.OpenXml.OpenXmlElement item) =>
        string.Concat(item.Elements<Text>().Select(t => t.Text).Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? "")));

    private static HashSet<uint> BoldStyles(WorkbookPart workbook)
    {
        var styles = workbook.WorkbookStylesPart?.Stylesheet;
        var fonts = styles?.Fonts?.Elements<Font>().ToList() ?? [];
        var formats = styles?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var bold = new HashSet<uint>();
        for (var i = 0; i < formats.Count; i++)
        {
            if (formats[i].FontId?.Value is { } fontId && fontId < fonts.Count && fonts[(int)fontId].Bold is { } b && (b.Val is null || b.Val.Value))
                bold.Add((uint)i);
        }
        return bold;
    }

    private static IEnumerable<(int Row, int Column)> DrawingAnchors(WorksheetPart worksheet)
    {
        if (worksheet.DrawingsPart?.WorksheetDrawing is not { } drawing) yield break;
        foreach (var anchor in drawing.ChildElements)
        {
            var from = anchor switch
            {
                Xdr.TwoCellAnchor two => two.FromMarker,
                Xdr.OneCellAnchor one => one.FromMarker,
                _ => null,
            };
            if (from is null) continue;
            if (int.TryParse(from.RowId?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                && int.TryParse(from.ColumnId?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var column))
                yield return (row, column);
        }
    }

    /// <summary>"C12" → 2 (zero-based column).</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3) return null;
        }
        return letters == 0 ? null : column - 1;
    }
}
