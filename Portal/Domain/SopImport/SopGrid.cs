using System.Text;

namespace Portal.Domain.SopImport;

/// <summary>One cell of an SOP form as read from pasted text, a worksheet or a Word table.</summary>
/// <param name="HasDrawing">A shape or picture sits in the cell (flowchart marks are often drawings).</param>
public sealed record SopCell(string Text, bool HasDrawing = false)
{
    public static readonly SopCell Empty = new("");

    public bool IsEmpty => Text.Trim().Length == 0 && !HasDrawing;
}

/// <summary>
/// The SOP form as rows of cells, whatever it came from: the paragraphs before the table are rows of one or more
/// cells (a tab separates cells), and the table's rows follow. The parser reads only this shape.
/// </summary>
public sealed class SopGrid(IReadOnlyList<IReadOnlyList<SopCell>> rows)
{
    public IReadOnlyList<IReadOnlyList<SopCell>> Rows { get; } = rows;

    public static SopGrid FromRows(IEnumerable<IEnumerable<string>> rows) =>
        new(rows.Select(r => (IReadOnlyList<SopCell>)r.Select(t => new SopCell(t)).ToList()).ToList());

    /// <summary>
    /// Tab-separated text as Word or Excel put it on the clipboard: one row per line, a tab between cells.
    /// Excel wraps a cell holding a line break or a quote in quotes (a quote doubled inside).
    /// </summary>
    public static SopGrid FromText(string text)
    {
        var rows = new List<IReadOnlyList<SopCell>>();
        var cells = new List<SopCell>();
        var cell = new StringBuilder();
        var normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            if (c == '"' && cell.Length == 0 && QuotedCellEnd(normalized, i) is { } end)
            {
                cell.Append(normalized.AsSpan(i + 1, end - i - 1).ToString().Replace("\"\"", "\""));
                i = end + 1;
                continue;
            }
            if (c == '\t')
            {
                cells.Add(new SopCell(cell.ToString()));
                cell.Clear();
            }
            else if (c == '\n')
            {
                cells.Add(new SopCell(cell.ToString()));
                rows.Add(cells);
                cells = [];
                cell.Clear();
            }
            else cell.Append(c);
            i++;
        }
        cells.Add(new SopCell(cell.ToString()));
        rows.Add(cells);
        return new SopGrid(rows);
    }

    /// <summary>Where a quoted cell starting at <paramref name="start"/> closes (a lone quote before a tab, line end or the end); null when it does not.</summary>
    private static int? QuotedCellEnd(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] != '"') continue;
            if (i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
                continue;
            }
            return i + 1 == text.Length || text[i + 1] is '\t' or '\n' ? i : null;
        }
        return null;
    }
}
