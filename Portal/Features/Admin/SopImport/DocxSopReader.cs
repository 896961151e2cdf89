using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.SopImport;

namespace Portal.Features.Admin.SopImport;

/// <summary>
/// A Word SOP as rows: each paragraph before, between and after the tables is a row (its tabs separate cells), each
/// table row is a row with one cell per grid column (a cell spanning columns is followed by empty ones, as a paste
/// gives). A paragraph written all in bold is marked **bold** (the signer's name); a shape or picture in a cell is
/// recorded as a drawing.
/// </summary>
public static class DocxSopReader
{
    public static SopGrid Read(Body body)
    {
        var rows = new List<IReadOnlyList<SopCell>>();
        foreach (var element in Blocks(body)) AddRows(element, rows);
        return new SopGrid(rows);
    }

    /// <summary>The body's paragraphs and tables in order, including those inside content controls.</summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table) yield return child;
            else if (child is SdtBlock or SdtContentBlock or CustomXmlBlock)
            {
                foreach (var inner in Blocks(child)) yield return inner;
            }
        }
    }

    private static void AddRows(OpenXmlElement element, List<IReadOnlyList<SopCell>> rows)
    {
        if (element is Paragraph paragraph)
        {
            rows.Add(ParagraphText(paragraph).Split('\t').Select(t => new SopCell(t)).ToList());
            return;
        }
        foreach (var row in element.Elements<TableRow>())
        {
            var cells = new List<SopCell>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var text = string.Join("\n", cell.Elements<Paragraph>().Select(p => ParagraphText(p).Replace('\t', ' ')));
                var nested = cell.Elements<Table>().SelectMany(t => t.Descendants<Paragraph>()).Select(ParagraphText);
                text = string.Join("\n", new[] { text }.Concat(nested)).Trim('\n');
                var drawing = cell.Descendants<Drawing>().Any() || cell.Descendants<Picture>().Any() || cell.Descendants<EmbeddedObject>().Any();
                cells.Add(new SopCell(text, drawing));
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                for (var extra = 1; extra < span; extra++) cells.Add(SopCell.Empty);
            }
            rows.Add(cells);
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        var allBold = true;
        var anyText = false;
        foreach (var run in paragraph.Descendants<Run>())
        {
            var runText = new StringBuilder();
            foreach (var part in run.ChildElements)
            {
                switch (part)
                {
                    case Text t: runText.Append(t.Text); break;
                    case TabChar: runText.Append('\t'); break;
                    case Break or CarriageReturn: runText.Append('\n'); break;
                    // A Wingdings tick (the usual mark) comes as a symbol character.
                    case SymbolChar: runText.Append('✓'); break;
                }
            }
            if (runText.ToString().Trim().Length > 0)
            {
                anyText = true;
                allBold &= run.RunProperties?.Bold is { } bold && (bold.Val is null || bold.Val.Value);
            }
            text.Append(runText);
        }
        var result = text.ToString();
        return anyText && allBold && !result.Contains('\t') ? "**" + result.Trim() + "**" : result;
    }
}
