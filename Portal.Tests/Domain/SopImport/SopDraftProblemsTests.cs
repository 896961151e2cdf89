using Portal.Domain;
using Portal.Domain.SopImport;

namespace Portal.Tests.Domain.SopImport;

/// <summary>Each reason an imported SOP cannot be saved, in Indonesian, with the step it is about.</summary>
public sealed class SopDraftProblemsTests
{
    private static SyntheticSop Sop => SyntheticSop.FourPelaksana();

    private static IReadOnlyList<string> ProblemsOf(SopDraft draft) => SopDraftProblems.List(draft).Select(p => p.ToString()).ToList();

    private static SopDraft ParseWith(SyntheticSop sop) => SopFormParser.Parse(sop.Text());

    [Fact]
    public void A_clean_table_has_no_problems()
    {
        Assert.Empty(ProblemsOf(ParseWith(Sop)));
    }

    [Fact]
    public void Text_without_the_table_has_no_steps()
    {
        var headerOnly = string.Join("\n", Sop.HeaderRows.Select(r => string.Join('\t', r.Select(c => c.Replace('\n', ' ')))));

        Assert.Equal([SopDraftProblems.NoSteps], ProblemsOf(SopFormParser.Parse(headerOnly)));
        Assert.Equal([SopDraftProblems.NoSteps], ProblemsOf(ParseWith(Sop with { Steps = [] })));
    }

    [Fact]
    public void A_table_without_pelaksana_columns_leaves_every_step_without_a_pelaksana()
    {
        var text = Sop.Text().Replace("PELAKSANA", "PETUGAS");

        var problems = ProblemsOf(SopFormParser.Parse(text));

        Assert.Contains("Tabel tidak memiliki kolom Pelaksana; baris judul kedua harus menamai setiap pelaksana.", problems);
        Assert.Contains("Langkah 1: tidak ada pelaksana; pilih kolom pelaksananya.", problems);
        Assert.Contains("Langkah 5: tidak ada pelaksana; pilih kolom pelaksananya.", problems);
    }

    [Fact]
    public void A_suggested_pelaksana_counts_only_once_confirmed()
    {
        var draft = ParseWith(SyntheticSop.FourPelaksana(marked: false));

        Assert.Contains("Langkah 3: pastikan pelaksananya (usulan: Pejabat Fungsional).", ProblemsOf(draft));

        draft.ConfirmPelaksana(draft.Steps[2], 2);

        Assert.DoesNotContain(ProblemsOf(draft), p => p.StartsWith("Langkah 3:"));
    }

    [Fact]
    public void An_unreadable_waktu_is_named_with_its_step()
    {
        var draft = ParseWith(Sop with { Steps = Sop.Steps.Select(s => s.Number == 3 ? s with { Waktu = "2 bulan" } : s).ToList() });

        Assert.Equal(
            ["Langkah 3: waktu \"2 bulan\" tidak dikenali; tulis misalnya \"2 hari\", \"1 minggu\", \"3 hari kalender\", \"4 jam\" atau \"30 menit\", atau kosongkan bila tanpa batas waktu."],
            ProblemsOf(draft));

        draft.Steps[2].WaktuText = "2 hari";

        Assert.Empty(ProblemsOf(draft));
    }

    [Fact]
    public void A_return_to_a_later_or_the_same_step_is_refused()
    {
        var written = ParseWith(Sop with { Steps = Sop.Steps.Select(s => s.Number == 3 ? s with { Keterangan = "Bila tidak sesuai kembali ke langkah 4" } : s).ToList() });
        Assert.Equal(["Langkah 3: pengembalian ke langkah 4 tidak sah; tujuan pengembalian harus langkah sebelumnya."], ProblemsOf(written));

        var picked = ParseWith(Sop);
        picked.SetReturn(picked.Steps[2], 3);
        Assert.Equal(["Langkah 3: pengembalian ke langkah 3 tidak sah; tujuan pengembalian harus langkah sebelumnya."], ProblemsOf(picked));

        picked.SetReturn(picked.Steps[2], 1);
        Assert.Empty(ProblemsOf(picked));
    }

    [Fact]
    public void A_work_step_cannot_return()
    {
        var draft = ParseWith(Sop);

        draft.SetReturn(draft.Steps[1], 1);

        Assert.Equal(["Langkah 2: hanya langkah verifikasi atau persetujuan yang dapat mengembalikan."], ProblemsOf(draft));
    }

    [Fact]
    public void Duplicate_step_numbers_are_named_once()
    {
        var draft = ParseWith(Sop with { Steps = Sop.Steps.Select(s => s.Number == 2 ? s with { Number = 1 } : s).ToList() });

        Assert.Equal(["Langkah 1: nomor langkah ganda; setiap langkah harus bernomor lain."], ProblemsOf(draft));
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var draft = ParseWith(Sop with { Steps = Sop.Steps.Select(s => s.Number == 3 ? s with { Number = 7 } : s).ToList() });

        Assert.Equal(["Langkah 4: nomor langkah harus urut naik (sesudah langkah 7)."], ProblemsOf(draft));
    }

    [Fact]
    public void A_missing_Nomor_SOP_or_name_is_refused_until_typed_in()
    {
        var draft = ParseWith(Sop with { Nomor = "", Judul = "" });

        Assert.Equal(["Nomor SOP tidak ditemukan; isi Nomor SOP (kode dokumen).", "Nama SOP tidak ditemukan; isi nama SOP."], ProblemsOf(draft));

        draft.Header.Nomor = "800/021/SOP/DKPS/2025";
        draft.Header.Judul = "Penerbitan Akta Kelahiran";

        Assert.Empty(ProblemsOf(draft));
    }

    [Fact]
    public void An_unreadable_date_is_quoted()
    {
        var text = Sop.Text().Replace("17 Maret 2025", "tujuh belas Maret");

        Assert.Equal(["Tanggal Efektif \"tujuh belas Maret\" tidak dikenali; tulis seperti \"2 Januari 2024\" atau pilih tanggalnya."],
            ProblemsOf(SopFormParser.Parse(text)));
    }

    [Fact]
    public void An_empty_output_or_short_name_is_refused()
    {
        var draft = ParseWith(Sop with { Steps = Sop.Steps.Select(s => s.Number == 2 ? s with { Output = "" } : s).ToList() });
        draft.Steps[3].ShortName = " ";

        Assert.Equal(["Langkah 2: output (Mutu Baku) kosong.", "Langkah 4: nama singkat wajib diisi."], ProblemsOf(draft));
    }
}
