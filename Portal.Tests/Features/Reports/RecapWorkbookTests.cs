using MiniExcelLibs;
using Portal.Features.Reports;
using static Portal.Tests.Features.Reports.ReportTestData;
using Portal.Domain;

namespace Portal.Tests.Features.Reports;

public sealed class RecapWorkbookTests
{
    private static async Task<List<IDictionary<string, object?>>> WriteAndReadAsync(ReportPeriod period, int? bidangId = null)
    {
        using var file = new MemoryStream();
        await RecapWorkbook.WriteAsync(file, Snapshot(period, bidangId), "Semua bidang");
        file.Position = 0;
        Assert.Equal([RecapWorkbook.RecapSheet, RecapWorkbook.NotesSheet], MiniExcel.GetSheetNames(file));
        return MiniExcel.Query(file, useHeaderRow: true, sheetName: RecapWorkbook.RecapSheet)
            .Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task The_recap_has_one_row_per_innovation_with_the_record_fields_and_working_days_per_step()
    {
        var rows = await WriteAndReadAsync(new ReportPeriod(2026, null, OfficeZone.Wita));

        string[] expectedColumns =
        [
            "Judul", "Ringkasan", "Latar belakang", "Tujuan", "Manfaat", "Bidang", "Pengusul", "NIP", "Jenis", "Urusan",
            "Tahapan", "Anggaran", "Tanggal mulai", "Status", "SOP versi",
            .. Enumerable.Range(1, 10).Select(n => $"Langkah {n} (hari kerja)"),
        ];
        Assert.Equal(expectedColumns, rows[0].Keys);
        // Ordered by start date: D (Sep), A (Oct), F and B (2 Nov, by id), C (23 Nov); E is from 2025.
        Assert.Equal(["D Dibatalkan", "A Layanan selesai", "B Dikembalikan", "F Uji coba", "C Baru mulai"], rows.Select(r => r["Judul"]));

        var a = rows[1];
        Assert.Equal(("Selesai", "Penerapan", "Pemanfaatan Data dan Inovasi Pelayanan"), (a["Status"], a["Tahapan"], a["Bidang"]));
        Assert.Equal(("Digital", "Pelayanan publik", "Ringkasan A Layanan selesai"), (a["Jenis"], a["Urusan"], a["Ringkasan"]));
        Assert.Equal("199001012015011001", a["NIP"]);
        Assert.Equal(15_000_000m, Convert.ToDecimal(a["Anggaran"]));
        Assert.Equal(new DateTime(2026, 10, 1), a["Tanggal mulai"]);
        Assert.Equal(1, Convert.ToInt32(a["SOP versi"]));
        Assert.Equal([5, 1, 0, 5, 0, 2, 1, 1, 0, 1], Enumerable.Range(1, 10).Select(n => Convert.ToInt32(a[$"Langkah {n} (hari kerja)"])));

        // B: the newest finished run of step 2 (one day); its second run is still open. No budget.
        var b = rows[2];
        Assert.Equal(("Berjalan", "Inisiatif"), (b["Status"], b["Tahapan"]));
        Assert.Null(b["Anggaran"]);
        Assert.Equal([1, 1, 0], Enumerable.Range(1, 3).Select(n => Convert.ToInt32(b[$"Langkah {n} (hari kerja)"])));
        Assert.All(Enumerable.Range(4, 7), n => Assert.Null(b[$"Langkah {n} (hari kerja)"]));

        // D was cancelled at step 6, which therefore has no duration.
        var d = rows[0];
        Assert.Equal(("Dibatalkan", "Uji coba"), (d["Status"], d["Tahapan"]));
        Assert.Equal(1, Convert.ToInt32(d["Langkah 4 (hari kerja)"]));
        Assert.Null(d["Langkah 6 (hari kerja)"]);
    }

    [Fact]
    public async Task The_year_and_bidang_choose_the_rows()
    {
        Assert.Equal(["E Tahun lalu"], (await WriteAndReadAsync(new ReportPeriod(2025, null, OfficeZone.Wita))).Select(r => r["Judul"]));
        Assert.Equal(["A Layanan selesai", "F Uji coba", "C Baru mulai"], (await WriteAndReadAsync(new ReportPeriod(2026, null, OfficeZone.Wita), bidangId: 1)).Select(r => r["Judul"]));
        Assert.Equal(["B Dikembalikan"], (await WriteAndReadAsync(new ReportPeriod(2026, null, OfficeZone.Wita), bidangId: 2)).Select(r => r["Judul"]));
    }

    [Fact]
    public async Task An_empty_recap_still_has_its_header_row()
    {
        using var file = new MemoryStream();
        await RecapWorkbook.WriteAsync(file, Snapshot(new ReportPeriod(2024, null, OfficeZone.Wita)), "Semua bidang");
        file.Position = 0;

        var columns = MiniExcel.GetColumns(file, useHeaderRow: false, sheetName: RecapWorkbook.RecapSheet);
        var header = MiniExcel.Query(file, sheetName: RecapWorkbook.RecapSheet).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(25, columns.Count);
        Assert.Equal("Judul", header["A"]);
        Assert.Equal("Langkah 10 (hari kerja)", header["Y"]);
    }
}
