using System.Text.RegularExpressions;

namespace Portal.Domain.SopImport;

/// <summary>
/// Reads the SOP form of Permenpan RB 35/2012 from its rows: the header (instansi lines, Nomor SOP, the dates,
/// Disahkan oleh and the signer, the SOP's name, the titled blocks) and then the table whose first header row has
/// NO, KEGIATAN, Pelaksana, Kelengkapan, Waktu, Mutu Baku/Output and Keterangan and whose second header row names
/// the pelaksana columns. Pure: it decides nothing the administrator cannot change in the preview.
/// </summary>
public static partial class SopFormParser
{
    private enum HeaderLabel { Nomor, Pembuatan, Revisi, Efektif, DisahkanOleh, NamaSop }

    private enum Block { DasarHukum, Kualifikasi, Keterkaitan, Peralatan, Peringatan, Pencatatan }

    private sealed record TableColumns(int No, int Kegiatan, IReadOnlyList<int> Pelaksana, int? Kelengkapan, int? Waktu, int? Output, int? Keterangan);

    public static SopDraft Parse(SopGrid grid)
    {
        var rows = grid.Rows;
        var headerRow = FindTableHeader(rows);
        var draft = new SopDraft();
        ReadHeader(rows.Take(headerRow ?? rows.Count).ToList(), draft.Header, tableFound: headerRow is not null);
        if (headerRow is { } h)
        {
            var top = rows[h];
            var bottom = h + 1 < rows.Count && !IsStepRow(rows[h + 1], ColumnOf(top, "no")) ? rows[h + 1] : null;
            var columns = Columns(top, bottom);
            draft.Pelaksana.AddRange(columns.Pelaksana.Select(c => SopFormText.Clean(Cell(bottom, c)))
                .Select(name => new SopDraftPelaksana { Name = name, Level = SopDraftSuggestions.LevelFromName(name) }));
            ReadSteps(rows.Skip(h + (bottom is null ? 1 : 2)), columns, draft.Steps);
        }
        SopDraftSuggestions.Refresh(draft);
        return draft;
    }

    public static SopDraft Parse(string pastedText) => Parse(SopGrid.FromText(pastedText));

    private static int? FindTableHeader(IReadOnlyList<IReadOnlyList<SopCell>> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var labels = rows[i].Select(c => SopFormText.Label(c.Text)).ToList();
            if (labels.Contains("no") && labels.Any(l => l.Contains("kegiatan"))) return i;
        }
        return null;
    }

    private static int ColumnOf(IReadOnlyList<SopCell> row, string label)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (SopFormText.Label(row[i].Text) == label) return i;
        }
        return -1;
    }

    /// <summary>
    /// Which column holds what. The pelaksana columns run from "Pelaksana" to the next column titled in the top row
    /// (merged cells leave the rest of the span empty); elsewhere the second row's title, when there is one, is the
    /// column's own title under a group such as "Mutu Baku".
    /// </summary>
    private static TableColumns Columns(IReadOnlyList<SopCell> top, IReadOnlyList<SopCell>? bottom)
    {
        var width = Math.Max(top.Count, bottom?.Count ?? 0);
        string TopLabel(int c) => c < top.Count ? SopFormText.Label(top[c].Text) : "";
        string OwnLabel(int c) => SopFormText.Label(Cell(bottom, c)) is { Length: > 0 } below ? below : TopLabel(c);

        var pelaksana = new List<int>();
        var start = Enumerable.Range(0, width).FirstOrDefault(c => TopLabel(c).StartsWith("pelaksana"), -1);
        if (start >= 0)
        {
            pelaksana.Add(start);
            for (var c = start + 1; c < width && TopLabel(c).Length == 0 && Cell(bottom, c).Trim().Length > 0; c++) pelaksana.Add(c);
        }

        int? Find(Func<string, bool> matches) =>
            Enumerable.Range(0, width).Where(c => !pelaksana.Contains(c) && matches(OwnLabel(c))).Select(c => (int?)c).FirstOrDefault();
        var output = Find(l => l.Contains("output") || l.Contains("keluaran")) ?? Find(l => l.Contains("mutu baku"));
        return new TableColumns(
            No: ColumnOf(top, "no"),
            Kegiatan: Enumerable.Range(0, width).First(c => TopLabel(c).Contains("kegiatan")),
            Pelaksana: pelaksana,
            Kelengkapan: Find(l => l.Contains("kelengkapan") || l.Contains("persyaratan")),
            Waktu: Find(l => l.StartsWith("waktu")),
            Output: output,
            Keterangan: Find(l => l.StartsWith("keterangan")));
    }

    private static void ReadSteps(IEnumerable<IReadOnlyList<SopCell>> rows, TableColumns columns, List<SopDraftStep> steps)
    {
        SopDraftStep? current = null;
        foreach (var row in rows)
        {
            var noText = Cell(row, columns.No).Trim();
            if (StepNumber(noText) is { } number)
            {
                var activity = SopFormText.Clean(Cell(row, columns.Kegiatan));
                var keterangan = SopFormText.Clean(Cell(row, columns.Keterangan));
                var writtenReturn = SopDraftSuggestions.WrittenReturn(keterangan);
                current = new SopDraftStep
                {
                    Number = number,
                    Activity = activity,
                    ShortName = SopFormText.ShortName(activity),
                    Inputs = SopFormText.Inputs(Cell(row, columns.Kelengkapan)),
                    WaktuText = SopFormText.Clean(Cell(row, columns.Waktu)),
                    Output = SopFormText.Clean(Cell(row, columns.Output)),
                    Keterangan = keterangan,
                    Kind = SopDraftSuggestions.KindFromWords(keterangan) ?? SopDraftSuggestions.KindFromWords(activity) ?? StepKind.Work,
                    ReturnToStep = writtenReturn,
                    ReturnDecided = writtenReturn is not null,
                    MarkedColumns = columns.Pelaksana.Select((c, i) => (c, i)).Where(x => Cell(row, x.c).Trim().Length > 0).Select(x => x.i).ToList(),
                    DrawnColumns = columns.Pelaksana.Select((c, i) => (c, i)).Where(x => CellAt(row, x.c).HasDrawing).Select(x => x.i).ToList(),
                };
                steps.Add(current);
            }
            else if (noText.Length == 0 && current is not null && Continuation(row, columns) is { } more)
            {
                // A cell broken over two rows (a page break in Word, a wrapped paste) continues the step above.
                current.Activity = SopFormText.Collapse(current.Activity + " " + more.Activity);
                current.Inputs.AddRange(more.Inputs);
                current.Output = SopFormText.Collapse(current.Output + " " + more.Output);
                current.Keterangan = SopFormText.Collapse(current.Keterangan + " " + more.Keterangan);
            }
        }
    }

    private static (string Activity, List<string> Inputs, string Output, string Keterangan)? Continuation(IReadOnlyList<SopCell> row, TableColumns columns)
    {
        var activity = SopFormText.Clean(Cell(row, columns.Kegiatan));
        var inputs = SopFormText.Inputs(Cell(row, columns.Kelengkapan));
        var output = SopFormText.Clean(Cell(row, columns.Output));
        var keterangan = SopFormText.Clean(Cell(row, columns.Keterangan));
        return activity.Length + output.Length + keterangan.Length + inputs.Count == 0 ? null : (activity, inputs, output, keterangan);
    }

    private static bool IsStepRow(IReadOnlyList<SopCell> row, int noColumn) => StepNumber(Cell(row, noColumn).Trim()) is not null;

    private static int? StepNumber(string text)
    {
        var match = StepNumberPattern().Match(SopFormText.Clean(text));
        return match.Success ? int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static SopCell CellAt(IReadOnlyList<SopCell>? row, int? column) =>
        row is not null && column is >= 0 && column < row.Count ? row[column.Value] : SopCell.Empty;

    private static string Cell(IReadOnlyList<SopCell>? row, int? column) => CellAt(row, column).Text;

    // ---- the header above the table ----

    private sealed class HeaderReading(SopDraftHeader header)
    {
        public SopDraftHeader Header { get; } = header;
        public bool SeenLabel { get; set; }
        public List<string> InstansiLines { get; } = [];
        public bool SignatureOpen { get; set; }
        public List<(string Line, bool Bold)> SignatureLines { get; } = [];
        public bool AfterSignature { get; set; }
        public string? NameAfterSignature { get; set; }
        public string? LastLoneLine { get; set; }
        public Dictionary<int, Block> PendingBlocks { get; } = [];
    }

    private static void ReadHeader(IReadOnlyList<IReadOnlyList<SopCell>> rows, SopDraftHeader header, bool tableFound)
    {
        var reading = new HeaderReading(header);
        foreach (var row in rows)
        {
            if (row.All(c => c.IsEmpty)) continue;
            var handled = new bool[row.Count];
            for (var i = 0; i < row.Count; i++)
            {
                if (row[i].IsEmpty || !reading.PendingBlocks.Remove(i, out var pending)) continue;
                if (BlockOf(row[i].Text) is not null || LabelOf(row[i].Text) is not null) continue;
                SetBlock(header, pending, SopFormText.Items(row[i].Text));
                handled[i] = true;
            }
            for (var i = 0; i < row.Count; i++)
            {
                if (handled[i] || row[i].IsEmpty) continue;
                if (BlockOf(row[i].Text) is { } block)
                {
                    CloseSignature(reading);
                    if (block.Content.Trim().Length == 0) reading.PendingBlocks[i] = block.Block;
                    else SetBlock(header, block.Block, SopFormText.Items(block.Content));
                    handled[i] = true;
                }
                else if (LabelOf(row[i].Text) is { } label)
                {
                    if (!reading.SeenLabel)
                    {
                        // The form's left cell (logo, instansi) shares its row with the first label.
                        for (var j = 0; j < i; j++)
                        {
                            if (handled[j] || row[j].IsEmpty) continue;
                            reading.InstansiLines.AddRange(Lines(row[j].Text));
                            handled[j] = true;
                        }
                    }
                    reading.SeenLabel = true;
                    CloseSignature(reading);
                    handled[i] = true;
                    var value = label.InlineValue;
                    if (value is null)
                    {
                        var next = Enumerable.Range(i + 1, Math.Max(0, row.Count - i - 1)).FirstOrDefault(j => !row[j].IsEmpty, -1);
                        if (next >= 0)
                        {
                            value = row[next].Text;
                            handled[next] = true;
                        }
                    }
                    SetLabel(reading, label.Label, value ?? "");
                }
            }
            for (var i = 0; i < row.Count; i++)
            {
                if (handled[i] || row[i].IsEmpty) continue;
                foreach (var line in row[i].Text.Split('\n')) LoneLine(reading, line);
            }
        }
        CloseSignature(reading);
        Finish(reading, tableFound);
    }

    private static void SetLabel(HeaderReading reading, HeaderLabel label, string value)
    {
        var header = reading.Header;
        switch (label)
        {
            case HeaderLabel.Nomor: header.Nomor = SopFormText.Clean(value); break;
            case HeaderLabel.NamaSop: header.Judul = SopFormText.Readable(value); break;
            case HeaderLabel.Pembuatan: SetDate(header, SopDateField.Pembuatan, value); break;
            case HeaderLabel.Revisi: SetDate(header, SopDateField.Revisi, value); break;
            case HeaderLabel.Efektif: SetDate(header, SopDateField.Efektif, value); break;
            case HeaderLabel.DisahkanOleh:
                var lines = Lines(value);
                header.DisahkanOleh = lines.FirstOrDefault() is { } position && !IsNipLine(position) ? SopFormText.Clean(position) : "";
                reading.SignatureOpen = true;
                foreach (var line in value.Split('\n').Skip(header.DisahkanOleh.Length > 0 ? 1 : 0)) LoneLine(reading, line);
                break;
        }
    }

    private static void SetDate(SopDraftHeader header, SopDateField field, string value)
    {
        var clean = SopFormText.Clean(value);
        var date = SopFormText.Date(clean);
        switch (field)
        {
            case SopDateField.Pembuatan: header.TanggalPembuatan = date; break;
            case SopDateField.Revisi: header.TanggalRevisi = date; break;
            default: header.TanggalEfektif = date; break;
        }
        if (date is null && clean.Length > 0) header.UnreadDates[field] = clean;
        else header.UnreadDates.Remove(field);
    }

    private static void LoneLine(HeaderReading reading, string raw)
    {
        var line = SopFormText.Clean(raw);
        if (line.Length == 0) return;
        if (!reading.SeenLabel)
        {
            reading.InstansiLines.Add(line);
            return;
        }
        if (reading.SignatureOpen)
        {
            if (NipOf(line) is { } nip)
            {
                reading.Header.DisahkanOlehNip = nip;
                CloseSignature(reading);
                return;
            }
            reading.SignatureLines.Add((line, SopFormText.IsBold(raw)));
            return;
        }
        if (reading.AfterSignature && reading.NameAfterSignature is null) reading.NameAfterSignature = line;
        reading.LastLoneLine = line;
    }

    /// <summary>The signer: the bold line, or else the last line before the NIP that is not a rank (pangkat).</summary>
    private static void CloseSignature(HeaderReading reading)
    {
        if (!reading.SignatureOpen) return;
        reading.SignatureOpen = false;
        reading.AfterSignature = true;
        var lines = reading.SignatureLines;
        if (lines.Count == 0) return;
        if (reading.Header.DisahkanOlehNip is null && !lines.Any(l => l.Bold))
        {
            // Neither a NIP nor a bold name closed it: the form has no signature, and its first line names the SOP.
            reading.NameAfterSignature = lines[0].Line;
            return;
        }
        var nameIndex = lines.FindIndex(l => l.Bold);
        if (nameIndex < 0) nameIndex = lines.FindLastIndex(l => !Rank().IsMatch(l.Line));
        if (nameIndex < 0) return;
        reading.Header.DisahkanOlehNama = SopFormText.Readable(lines[nameIndex].Line);
        if (reading.Header.DisahkanOleh.Length == 0 && nameIndex > 0)
            reading.Header.DisahkanOleh = string.Join(" ", lines.Take(nameIndex).Select(l => l.Line));
    }

    private static void Finish(HeaderReading reading, bool tableFound)
    {
        var header = reading.Header;
        var instansi = reading.InstansiLines.Select(SopFormText.Readable).Where(l => l.Length > 0).ToList();
        if (instansi.Count > 0) header.Instansi = instansi[0];
        if (instansi.Count > 1) header.Dinas = instansi[1];
        if (instansi.Count > 2) header.BidangPemilik = string.Join(" ", instansi.Skip(2));
        if (header.Judul.Length == 0)
        {
            var name = reading.NameAfterSignature ?? (tableFound ? reading.LastLoneLine : null);
            if (name is not null) header.Judul = SopFormText.Readable(SopPrefix().Replace(name, ""));
        }
        header.TanggalRevisi ??= header.UnreadDates.ContainsKey(SopDateField.Revisi) ? null : header.TanggalPembuatan;
    }

    private static void SetBlock(SopDraftHeader header, Block block, List<string> items)
    {
        switch (block)
        {
            case Block.DasarHukum: header.DasarHukum = items; break;
            case Block.Kualifikasi: header.KualifikasiPelaksana = items; break;
            case Block.Keterkaitan: header.KeterkaitanSop = items; break;
            case Block.Peralatan: header.Peralatan = items; break;
            case Block.Peringatan: header.Peringatan = items; break;
            default: header.Pencatatan = items; break;
        }
    }

    private static (Block Block, string Content)? BlockOf(string text)
    {
        var match = BlockStart().Match(text);
        if (!match.Success) return null;
        var rest = match.Groups["rest"].Value;
        var start = rest.TrimStart(' ', '\t');
        if (start.Length > 0 && start[0] is not (':' or '<' or '\n')) return null;
        var title = SopFormText.Label(match.Groups["title"].Value);
        var block = title switch
        {
            _ when title.StartsWith("dasar") => Block.DasarHukum,
            _ when title.StartsWith("kualifikasi") => Block.Kualifikasi,
            _ when title.StartsWith("keterkaitan") => Block.Keterkaitan,
            _ when title.StartsWith("peralatan") => Block.Peralatan,
            _ when title.StartsWith("peringatan") => Block.Peringatan,
            _ => Block.Pencatatan,
        };
        return (block, start.TrimStart(':'));
    }

    private static (HeaderLabel Label, string? InlineValue)? LabelOf(string text)
    {
        var clean = SopFormText.Clean(text.Split('\n')[0]);
        var match = HeaderLabelPattern().Match(clean);
        if (!match.Success) return null;
        var words = SopFormText.Label(match.Groups["label"].Value);
        HeaderLabel label = words switch
        {
            _ when words.StartsWith("nomor") || words.StartsWith("no") => HeaderLabel.Nomor,
            _ when words.Contains("pembuatan") => HeaderLabel.Pembuatan,
            _ when words.Contains("revisi") => HeaderLabel.Revisi,
            _ when words.Contains("efektif") => HeaderLabel.Efektif,
            _ when words.StartsWith("disahkan") => HeaderLabel.DisahkanOleh,
            _ => HeaderLabel.NamaSop,
        };
        var inline = match.Groups["value"].Value.Trim();
        var restOfCell = string.Join("\n", text.Split('\n').Skip(1));
        var value = (inline + "\n" + restOfCell).Trim('\n', ' ');
        return (label, value.Length == 0 ? null : value);
    }

    private static bool IsNipLine(string line) => NipOf(SopFormText.Clean(line)) is not null;

    private static string? NipOf(string line)
    {
        var match = NipPattern().Match(line);
        return match.Success ? new string(match.Groups["digits"].Value.Where(char.IsAsciiDigit).ToArray()) : null;
    }

    private static List<string> Lines(string text) => text.Split('\n').Select(SopFormText.Clean).Where(l => l.Length > 0).ToList();

    [GeneratedRegex(@"^\s*(?<n>\d{1,4})\s*\.?\s*$")]
    private static partial Regex StepNumberPattern();

    [GeneratedRegex(@"^\s*(?:<(?:b|strong)>|\*\*)?\s*(?<title>dasar\s+hukum|kualifikasi\s+pelaksana|keterkaitan(?:\s+(?:dengan\s+)?sop)?|peralatan(?:\s*(?:/|dan)?\s*perlengkapan)?|peringatan|pencatatan(?:\s+dan\s+pendataan)?)[ \t]*(?:</(?:b|strong)>|\*\*)?(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^(?<label>nomor\s+sop(?:\s*\(kode\s+dokumen\))?|no\.?\s+sop|tanggal\s+pembuatan|tgl\.?\s+pembuatan|tanggal\s+revisi|tgl\.?\s+revisi|tanggal\s+efektif|tgl\.?\s+efektif|disahkan\s+oleh|nama\s+sop)\s*(?::\s*(?<value>.*))?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLabelPattern();

    [GeneratedRegex(@"^(?:NIP|NIR|NRP)\b\.?\s*:?\s*(?<digits>\d[\d ]{16,}\d)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NipPattern();

    /// <summary>The rank line under a signer's name (Pembina Utama Muda, Penata Tk. I, ...).</summary>
    [GeneratedRegex(@"^(?:pembina|penata|pengatur|juru)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rank();

    [GeneratedRegex(@"^\s*(?:standar\s+operasional\s+prosedur|sop)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SopPrefix();
}
