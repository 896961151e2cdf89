using System.Text;

namespace Portal.Tests.Domain.SopImport;

/// <param name="Mark">The pelaksana column marked in the row (index), or null for a row without marks.</param>
public sealed record SyntheticStep(int Number, string Activity, int? Mark, string Kelengkapan, string Waktu, string Output, string Keterangan = "");

/// <summary>
/// An SOP form laid out as Permenpan RB 35/2012 draws it: instansi lines, the label/value header, the titled blocks,
/// then the table with PELAKSANA and MUTU BAKU over two header rows. Rows of cell texts, to be written as pasted
/// text, a worksheet or a Word document.
/// </summary>
public sealed record SyntheticSop(string Nomor, string Judul, IReadOnlyList<string> Pelaksana, IReadOnlyList<SyntheticStep> Steps)
{
    public const string Instansi = "PEMERINTAH KABUPATEN CONTOH";
    public const string Dinas = "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL";
    public const string Bidang = "BIDANG PELAYANAN PENCATATAN SIPIL";

    /// <summary>The rows above the table, as label/value pairs and titled blocks of two cells.</summary>
    public IReadOnlyList<IReadOnlyList<string>> HeaderRows =>
    [
        [Instansi], [Dinas], [Bidang],
        ["Nomor SOP", Nomor],
        ["Tanggal Pembuatan", "3 Februari 2025"],
        ["Tanggal Revisi", "10 Maret 2025"],
        ["Tanggal Efektif", "17 Maret 2025"],
        ["Disahkan oleh", "Kepala Dinas Kependudukan dan Pencatatan Sipil"],
        ["**SITI AMINAH, S.Sos., M.Si**"],
        ["Pembina Utama Muda"],
        ["NIP. 19750312 200003 2 004"],
        ["Nama SOP", Judul],
        ["DASAR HUKUM:\n1. Undang-Undang Nomor 23 Tahun 2006\n2. Peraturan Presiden Nomor 96 Tahun 2018", "KUALIFIKASI PELAKSANA:\n1. Memahami administrasi kependudukan"],
        ["KETERKAITAN SOP:\n- SOP Penerbitan Akta Kelahiran", "PERALATAN/PERLENGKAPAN:\n1. Komputer\n2. Printer"],
        ["PERINGATAN:\n1. Bila SOP tidak dilaksanakan, layanan terlambat", "PENCATATAN DAN PENDATAAN:\n1. Buku register"],
    ];

    /// <summary>The table: two header rows, then one row per step with √ in its marked pelaksana column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TableRows
    {
        get
        {
            var top = new List<string> { "NO", "KEGIATAN", "PELAKSANA" };
            top.AddRange(Enumerable.Repeat("", Pelaksana.Count - 1));
            top.AddRange(["MUTU BAKU", "", "", "KETERANGAN"]);
            var bottom = new List<string> { "", "" };
            bottom.AddRange(Pelaksana);
            bottom.AddRange(["Kelengkapan", "Waktu", "Output", ""]);
            var rows = new List<IReadOnlyList<string>> { top, bottom };
            foreach (var step in Steps)
            {
                var row = new List<string> { step.Number.ToString(), step.Activity };
                row.AddRange(Pelaksana.Select((_, i) => step.Mark == i ? "√" : ""));
                row.AddRange([step.Kelengkapan, step.Waktu, step.Output, step.Keterangan]);
                rows.Add(row);
            }
            return rows;
        }
    }

    public IEnumerable<IReadOnlyList<string>> AllRows => HeaderRows.Append([]).Append([Judul.ToUpperInvariant()]).Concat(TableRows);

    /// <summary>The form as Excel puts it on the clipboard: tabs between cells, a cell with a line break in quotes.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        foreach (var row in AllRows) text.Append(string.Join('\t', row.Select(Quoted))).Append("\r\n");
        return text.ToString();
    }

    private static string Quoted(string cell) =>
        cell.Contains('\n') || cell.Contains('"') || cell.Contains('\t') ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    /// <summary>A service SOP of the shape issue 13 asks for: four pelaksana with a Kepala Seksi, hours and days, one return.</summary>
    public static SyntheticSop FourPelaksana(bool marked = true) => new(
        "800/021/SOP/DKPS/2025",
        "Penerbitan Akta Kelahiran",
        ["Petugas Loket", "Pejabat Fungsional", "Kepala Seksi", "Kepala Bidang"],
        [
            new(1, "Menerima berkas permohonan dan memeriksa kelengkapannya", marked ? 0 : null, "Formulir F-2.01, KK, KTP", "30 menit", "Berkas diterima"),
            new(2, "Menginput data kelahiran ke SIAK", marked ? 1 : null, "Berkas diterima", "4 jam", "Draf akta kelahiran"),
            new(3, "Melakukan verifikasi draf akta, jika tidak sesuai dikembalikan untuk diperbaiki", marked ? 2 : null, "Draf akta kelahiran", "1 hari", "Draf akta terverifikasi"),
            new(4, "Memberikan persetujuan dan menandatangani akta", marked ? 3 : null, "Draf akta terverifikasi", "2 hari", "Akta kelahiran ditandatangani"),
            new(5, "Menyerahkan akta kepada pemohon", marked ? 0 : null, "Akta kelahiran ditandatangani", "3 hari kalender", "Akta diterima pemohon"),
        ]);

    /// <summary>Thirty steps in three rounds of work, verification and approval, for the import time.</summary>
    public static SyntheticSop ThirtySteps() => new(
        "800/030/SOP/DKPS/2025",
        "Pelayanan Tiga Puluh Langkah",
        ["Pejabat Fungsional", "Kepala Seksi", "Kepala Bidang", "Kepala Dinas"],
        Enumerable.Range(1, 30).Select(n => (n % 3) switch
        {
            1 => new SyntheticStep(n, $"Menyusun dokumen tahap {n}, termasuk lampiran dan ringkasan", 0, $"Dokumen tahap {n - 1}, Formulir {n}", $"{1 + n % 4} hari", $"Dokumen tahap {n}"),
            2 => new SyntheticStep(n, $"Melakukan verifikasi dokumen tahap {n - 1}, jika tidak sesuai dikembalikan", 1, $"Dokumen tahap {n - 1}", $"{1 + n % 5} jam", $"Dokumen tahap {n} terverifikasi"),
            _ => new SyntheticStep(n, $"Memberikan persetujuan atas dokumen tahap {n - 2}", 3, $"Dokumen tahap {n - 1} terverifikasi", n % 2 == 0 ? "30 menit" : "", $"Dokumen tahap {n} disetujui"),
        }).ToList());
}
