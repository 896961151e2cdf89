using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Portal.Domain;
using Portal.Features.Innovations;

namespace Portal.Features.Reports;

/// <summary>
/// The recap for SINOVIK / Indeks Inovasi Daerah: one row per innovation with its record fields and, per SOP step,
/// the working days its newest finished run took.
/// </summary>
public static class RecapWorkbook
{
    public const string RecapSheet = "Rekap inovasi";
    public const string NotesSheet = "Keterangan";

    public static readonly IReadOnlyList<string> RecordColumns =
    [
        "Judul", "Ringkasan", "Latar belakang", "Tujuan", "Manfaat", "Bidang", "Pengusul", "NIP", "Jenis", "Urusan",
        "Tahapan", "Anggaran", "Tanggal mulai", "Status", "SOP versi",
    ];

    public static string StepColumn(int number) => $"Langkah {number} (hari kerja)";

    /// <summary>The step numbers that get a column: every step of every SOP version in the recap, in order.</summary>
    public static IReadOnlyList<int> StepNumbers(ReportSnapshot snapshot) =>
        snapshot.Sops.Values.SelectMany(s => s.Steps).Select(s => s.Number).Distinct().Order().ToList();

    public static DataTable Table(ReportSnapshot snapshot)
    {
        var table = new DataTable(RecapSheet);
        foreach (var column in RecordColumns)
        {
            table.Columns.Add(column, column switch
            {
                "Anggaran" => typeof(decimal),
                "Tanggal mulai" => typeof(DateTime),
                "SOP versi" => typeof(int),
                _ => typeof(string),
            });
        }
        var steps = StepNumbers(snapshot);
        foreach (var number in steps) table.Columns.Add(StepColumn(number), typeof(int));

        foreach (var innovation in snapshot.Innovations.OrderBy(i => i.StartDate).ThenBy(i => i.Id))
        {
            var state = innovation.StateAt(snapshot.AsOf);
            if (state is null) continue;
            var row = table.NewRow();
            row["Judul"] = innovation.Title;
            row["Ringkasan"] = innovation.Summary;
            row["Latar belakang"] = innovation.Background;
            row["Tujuan"] = innovation.Goal;
            row["Manfaat"] = innovation.Benefit;
            row["Bidang"] = innovation.Bidang;
            row["Pengusul"] = innovation.Proposer;
            row["NIP"] = (object?)innovation.ProposerNip ?? DBNull.Value;
            row["Jenis"] = innovation.Type.Name();
            row["Urusan"] = innovation.Affair.Name();
            row["Tahapan"] = snapshot.StageOf(innovation, state).Name();
            row["Anggaran"] = (object?)innovation.Budget ?? DBNull.Value;
            row["Tanggal mulai"] = innovation.StartDate.ToDateTime(TimeOnly.MinValue);
            row["Status"] = state.Status.Name();
            row["SOP versi"] = snapshot.SopOf(innovation).Version;
            foreach (var number in steps)
            {
                var run = innovation.Runs.LastOrDefault(r => r.StepNumber == number && r.FinishedAt <= snapshot.AsOf && r.Outcome != StepOutcome.Dibatalkan);
                row[StepColumn(number)] = run is null ? DBNull.Value : snapshot.WorkingDays(run);
            }
            table.Rows.Add(row);
        }
        return table;
    }

    public static async Task WriteAsync(Stream target, ReportSnapshot snapshot, string bidangLabel, CancellationToken cancellationToken = default)
    {
        var notes = new[]
        {
            new { Keterangan = "Periode", Isi = snapshot.Period.Label },
            new { Keterangan = "Bidang", Isi = bidangLabel },
            new { Keterangan = "Jumlah inovasi", Isi = snapshot.Innovations.Count.ToString(IndonesianFormat.Culture) },
            new { Keterangan = "Dibuat", Isi = snapshot.Period.Zone.DateTimeText(snapshot.Now) },
            new { Keterangan = "Tahapan dan status", Isi = $"Keadaan per {snapshot.Period.Zone.DateTimeText(snapshot.AsOf)}" },
            new { Keterangan = "Kolom langkah", Isi = "Hari kerja yang dipakai oleh pelaksanaan terakhir setiap langkah yang sudah selesai (kosong: belum selesai)." },
            new { Keterangan = "SOP", Isi = $"{snapshot.CurrentSop.Header.Nomor} — {snapshot.CurrentSop.Header.Judul}" },
        };
        var sheets = new Dictionary<string, object>
        {
            [RecapSheet] = Table(snapshot),
            [NotesSheet] = notes,
        };
        var configuration = new OpenXmlConfiguration
        {
            FastMode = true,
            EnableAutoWidth = true,
            MaxWidth = 60,
            FreezeRowCount = 1,
            DynamicColumns = [new DynamicExcelColumn("Tanggal mulai") { Format = "dd/MM/yyyy" }],
        };
        await target.SaveAsAsync(sheets, configuration: configuration, cancellationToken: cancellationToken);
    }
}
