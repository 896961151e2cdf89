using System.Globalization;
using System.Security.Claims;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.SopImport;
using Portal.Features.Reports;
using Portal.Features.Workflow;

namespace Portal.Features.Sop;

/// <summary>
/// An SOP version as the table of its signed form (.xlsx): the header, the titled blocks, then NO, KEGIATAN, one
/// column per pelaksana with √ on each step's row, Kelengkapan, Waktu, Output and Keterangan. The import reads it
/// back to the same steps: the Keterangan names verifications, approvals and where a step returns to.
/// </summary>
public static class SopTableExport
{
    public const string Mark = "√";

    public static string Url(int definitionId) => $"/sop/tabel/{definitionId}.xlsx";

    public static WebApplication MapSopTableExport(this WebApplication app)
    {
        app.MapGet("/sop/tabel/{id:int}.xlsx", async (int id, ClaimsPrincipal user, IDbContextFactory<PortalDbContext> dbFactory, SopCatalog catalog, HttpContext http) =>
        {
            await using (var db = await dbFactory.CreateDbContextAsync(http.RequestAborted))
            {
                if (!await db.SopDefinitions.AnyAsync(d => d.Id == id, http.RequestAborted))
                    return Results.Text("Versi SOP tidak ditemukan.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }
            var document = await catalog.GetAsync(id, http.RequestAborted);
            var name = $"SOP {ReportDownloads.FileNamePart(document.Header.Judul)} versi {document.Version}.xlsx";
            return Results.File(Workbook(document), ReportDownloads.ExcelType, name);
        }).RequireAuthorization();
        return app;
    }

    /// <summary>Where the verbs of the activity would read a different kind, the Keterangan says the kind outright.</summary>
    public static string Keterangan(SopStepDefinition step)
    {
        var back = step.ReturnToStep is { } target ? $"kembali ke langkah {target}" : null;
        return step.Kind switch
        {
            StepKind.Verify => back is null ? "Verifikasi" : $"Verifikasi; bila tidak sesuai {back}",
            StepKind.Approve => back is null ? "Persetujuan" : $"Persetujuan; bila tidak disetujui {back}",
            _ => SopDraftSuggestions.KindFromWords(step.Activity) is null or StepKind.Work ? "" : "Langkah kerja",
        };
    }

    public static byte[] Workbook(SopDocument sop)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var rows = new SheetRows();
            WriteHeader(sop, rows);
            var merges = WriteTable(sop, rows);
            var pelaksana = sop.Pelaksana.Count;
            var widths = new[] { 6.0, 55 }.Concat(Enumerable.Repeat(14.0, pelaksana)).Concat([32.0, 14, 32, 30]).ToList();
            var worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                rows.Data);
            worksheet.Append(merges);
            sheetPart.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "SOP" }));
        }
        return memory.ToArray();
    }

    private static void WriteHeader(SopDocument sop, SheetRows rows)
    {
        var header = sop.Header;
        foreach (var line in new[] { header.Instansi, header.Dinas, header.BidangPemilik }.Where(l => l.Length > 0)) rows.Add((line, Style.Bold));
        rows.Add();
        rows.Add(("Nomor SOP", Style.Bold), (header.Nomor, Style.Plain));
        rows.Add(("Tanggal Pembuatan", Style.Bold), (IndonesianFormat.LongDate(header.TanggalPembuatan), Style.Plain));
        rows.Add(("Tanggal Revisi", Style.Bold), (IndonesianFormat.LongDate(header.TanggalRevisi), Style.Plain));
        rows.Add(("Tanggal Efektif", Style.Bold), (IndonesianFormat.LongDate(header.TanggalEfektif), Style.Plain));
        rows.Add(("Disahkan oleh", Style.Bold), (header.DisahkanOleh, Style.Wrap));
        if (header.DisahkanOlehNama.Length > 0) rows.Add(("", Style.Plain), (header.DisahkanOlehNama, Style.Bold));
        if (header.DisahkanOlehNip is { } nip) rows.Add(("", Style.Plain), ($"NIP. {nip}", Style.Plain));
        rows.Add(("Nama SOP", Style.Bold), (header.Judul, Style.Plain));
        rows.Add();
        rows.Add((Block("DASAR HUKUM", header.DasarHukum), Style.Wrap), (Block("KUALIFIKASI PELAKSANA", header.KualifikasiPelaksana), Style.Wrap));
        rows.Add((Block("KETERKAITAN SOP", header.KeterkaitanSop), Style.Wrap), (Block("PERALATAN/PERLENGKAPAN", header.Peralatan), Style.Wrap));
        rows.Add((Block("PERINGATAN", header.Peringatan), Style.Wrap), (Block("PENCATATAN DAN PENDATAAN", header.Pencatatan), Style.Wrap));
        rows.Add();
    }

    private static MergeCells WriteTable(SopDocument sop, SheetRows rows)
    {
        var columns = sop.Pelaksana.Count;
        var top = new List<(string, Style)> { ("NO", Style.Heading), ("KEGIATAN", Style.Heading), ("PELAKSANA", Style.Heading) };
        top.AddRange(Enumerable.Repeat(("", Style.Heading), columns - 1));
        top.AddRange([("MUTU BAKU", Style.Heading), ("", Style.Heading), ("", Style.Heading), ("KETERANGAN", Style.Heading)]);
        var topRow = rows.Add([.. top]);
        var bottom = new List<(string, Style)> { ("", Style.Heading), ("", Style.Heading) };
        bottom.AddRange(sop.Pelaksana.Select(p => (p.Name, Style.Heading)));
        bottom.AddRange([("Kelengkapan", Style.Heading), ("Waktu", Style.Heading), ("Output", Style.Heading), ("", Style.Heading)]);
        var bottomRow = rows.Add([.. bottom]);

        foreach (var step in sop.Steps)
        {
            var cells = new List<(string, Style)> { (step.Number.ToString(CultureInfo.InvariantCulture), Style.Number), (step.Activity, Style.Wrap) };
            cells.AddRange(Enumerable.Range(0, columns).Select(c => (c == step.Pelaksana ? Mark : "", Style.Centered)));
            cells.AddRange([(string.Join(", ", step.Inputs), Style.Wrap), (SopWaktu.Text(step.Duration), Style.Wrap), (step.Output, Style.Wrap), (Keterangan(step), Style.Wrap)]);
            rows.Add([.. cells]);
        }

        string Cell(int column, int row) => $"{SheetRows.ColumnName(column)}{row}";
        var keterangan = columns + 5;
        return new MergeCells(
            new MergeCell { Reference = $"{Cell(0, topRow)}:{Cell(0, bottomRow)}" },
            new MergeCell { Reference = $"{Cell(1, topRow)}:{Cell(1, bottomRow)}" },
            new MergeCell { Reference = $"{Cell(2, topRow)}:{Cell(columns + 1, topRow)}" },
            new MergeCell { Reference = $"{Cell(columns + 2, topRow)}:{Cell(columns + 4, topRow)}" },
            new MergeCell { Reference = $"{Cell(keterangan, topRow)}:{Cell(keterangan, bottomRow)}" });
    }

    private static string Block(string title, IReadOnlyList<string> items) =>
        string.Join("\n", new[] { title }.Concat(items.Select((item, i) => $"{i + 1}. {item}")));

    private enum Style : uint { Plain = 0, Bold = 1, Wrap = 2, Heading = 3, Centered = 4, Number = 5 }

    private static Stylesheet Styles()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        Alignment Align(HorizontalAlignmentValues horizontal) => new() { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Top, WrapText = true };
        return new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(), thin),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(Align(HorizontalAlignmentValues.Left)) { ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Center)) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Center)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Center)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true }));
    }

    /// <summary>Rows written one after another; text as inline strings, step numbers as numbers.</summary>
    private sealed class SheetRows
    {
        public SheetData Data { get; } = new();
        private int count;

        public int Add(params (string Text, Style Style)[] cells)
        {
            var number = ++count;
            var row = new Row { RowIndex = (uint)number };
            for (var c = 0; c < cells.Length; c++)
            {
                var (text, style) = cells[c];
                var reference = $"{ColumnName(c)}{number}";
                if (style == Style.Number)
                    row.Append(new Cell { CellReference = reference, StyleIndex = (uint)style, CellValue = new CellValue(text) });
                else if (text.Length > 0 || style == Style.Heading || style == Style.Centered)
                    row.Append(new Cell
                    {
                        CellReference = reference, StyleIndex = (uint)style, DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                    });
            }
            Data.Append(row);
            return number;
        }

        public static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
    }
}
