using Portal.Domain;
using Portal.Domain.SopImport;

namespace Portal.Tests.Domain.SopImport;

/// <summary>The form as other offices lay it out: PELAKSANA and MUTU BAKU over two header rows, marks, quoted cells.</summary>
public sealed class SopFormLayoutTests
{
    [Fact]
    public void Marks_in_the_pelaksana_columns_decide_the_pelaksana_without_asking()
    {
        var draft = SopFormParser.Parse(SyntheticSop.FourPelaksana().Text());

        Assert.Equal(["Petugas Loket", "Pejabat Fungsional", "Kepala Seksi", "Kepala Bidang"], draft.Pelaksana.Select(p => p.Name));
        Assert.Equal([0, 1, 2, 3, 0], draft.Steps.Select(s => s.PelaksanaColumn));
        Assert.All(draft.Steps, s => Assert.Equal(PelaksanaDecision.Marked, s.Decision));
        Assert.Empty(SopDraftProblems.List(draft));
    }

    [Fact]
    public void The_standard_layout_gives_header_blocks_durations_kinds_and_the_return()
    {
        var draft = SopFormParser.Parse(SyntheticSop.FourPelaksana().Text());
        var header = draft.Header;

        Assert.Equal(("Pemerintah Kabupaten Contoh", "Dinas Kependudukan dan Pencatatan Sipil", "Bidang Pelayanan Pencatatan Sipil"),
            (header.Instansi, header.Dinas, header.BidangPemilik));
        Assert.Equal("800/021/SOP/DKPS/2025", header.Nomor);
        Assert.Equal("Penerbitan Akta Kelahiran", header.Judul);
        Assert.Equal((new DateOnly(2025, 2, 3), new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 17)),
            (header.TanggalPembuatan, header.TanggalRevisi, header.TanggalEfektif));
        Assert.Equal("Kepala Dinas Kependudukan dan Pencatatan Sipil", header.DisahkanOleh);
        Assert.Equal("Siti Aminah, S.Sos., M.Si", header.DisahkanOlehNama);
        Assert.Equal("197503122000032004", header.DisahkanOlehNip);
        Assert.Equal(["Undang-Undang Nomor 23 Tahun 2006", "Peraturan Presiden Nomor 96 Tahun 2018"], header.DasarHukum);
        Assert.Equal(["Memahami administrasi kependudukan"], header.KualifikasiPelaksana);
        Assert.Equal(["SOP Penerbitan Akta Kelahiran"], header.KeterkaitanSop);
        Assert.Equal(["Komputer", "Printer"], header.Peralatan);
        Assert.Equal(["Bila SOP tidak dilaksanakan, layanan terlambat"], header.Peringatan);
        Assert.Equal(["Buku register"], header.Pencatatan);

        Assert.Equal(
            [new SopDuration(30, DurationUnit.WorkingMinutes), new SopDuration(4, DurationUnit.WorkingHours), new SopDuration(1, DurationUnit.WorkingDays),
             new SopDuration(2, DurationUnit.WorkingDays), new SopDuration(3, DurationUnit.CalendarDays)],
            draft.Steps.Select(s => s.Waktu.Duration));
        Assert.Equal([StepKind.Work, StepKind.Work, StepKind.Verify, StepKind.Approve, StepKind.Work], draft.Steps.Select(s => s.Kind));
        // The Kepala Seksi's verification goes back to the nearest earlier work step of a lower column: step 2.
        Assert.Equal([null, null, 2, null, null], draft.Steps.Select(s => s.ReturnToStep));
        Assert.Equal(["Formulir F-2.01", "KK", "KTP"], draft.Steps[0].Inputs);
    }

    [Fact]
    public void Without_marks_a_verification_is_proposed_for_the_column_above_the_step_it_verifies_and_an_approval_for_the_head()
    {
        var draft = SopFormParser.Parse(SyntheticSop.FourPelaksana(marked: false).Text());

        Assert.Equal([0, 0, 1, 3, 0], draft.Steps.Select(s => s.PelaksanaColumn));
        Assert.All(draft.Steps, s => Assert.Equal(PelaksanaDecision.Suggested, s.Decision));

        // Step 2 is the Pejabat Fungsional's: its verification moves up to the Kepala Seksi.
        draft.ConfirmPelaksana(draft.Steps[1], 1);

        Assert.Equal(2, draft.Steps[2].PelaksanaColumn);
        Assert.Equal(PelaksanaDecision.Suggested, draft.Steps[2].Decision);
    }

    [Fact]
    public void Several_marks_in_a_row_propose_one_of_them_and_ask()
    {
        var text = SyntheticSop.FourPelaksana().Text().Replace(
            "2\tMenginput data kelahiran ke SIAK\t\t√\t\t", "2\tMenginput data kelahiran ke SIAK\t√\t√\t\t");

        var step = SopFormParser.Parse(text).Steps[1];

        Assert.Equal([0, 1], step.MarkedColumns);
        Assert.Equal(PelaksanaDecision.Suggested, step.Decision);
        Assert.Equal(0, step.PelaksanaColumn);
    }

    [Fact]
    public void A_cell_quoted_by_Excel_keeps_its_line_breaks_and_quotes()
    {
        var grid = SopGrid.FromText("a\t\"satu\ndua \"\"tiga\"\"\"\tb\r\n\"Sipandu\" aplikasi\tc");

        Assert.Equal(["a", "satu\ndua \"tiga\"", "b"], grid.Rows[0].Select(c => c.Text));
        Assert.Equal(["\"Sipandu\" aplikasi", "c"], grid.Rows[1].Select(c => c.Text));
    }

    [Fact]
    public void A_row_broken_over_two_lines_continues_the_step_above()
    {
        var sop = SyntheticSop.FourPelaksana();
        var rows = sop.AllRows.ToList();
        var first = rows.FindIndex(r => r.Count > 0 && r[0] == "1");
        rows.Insert(first + 1, ["", "serta mencatat nomor antrean", "", "", "", "", "Nomor antrean", "", "dan tanda terima", ""]);
        var text = string.Join("\n", rows.Select(r => string.Join('\t', r.Select(c => c.Contains('\n') ? "\"" + c + "\"" : c))));

        var step = SopFormParser.Parse(text).Steps[0];

        Assert.Equal("Menerima berkas permohonan dan memeriksa kelengkapannya serta mencatat nomor antrean", step.Activity);
        Assert.Equal(["Formulir F-2.01", "KK", "KTP", "Nomor antrean"], step.Inputs);
        Assert.Equal("Berkas diterima dan tanda terima", step.Output);
    }
}

/// <summary>The demo's second SOP (Portal/Data/Seed/sop-penanganan-pengaduan.txt), marked with √ and without a signature block.</summary>
public sealed class SecondDemoSopTests
{
    private static SopDraft Draft => SopFormParser.Parse(File.ReadAllText(Portal.Tests.Infrastructure.RepositoryFiles.PathOf("Portal/Data/Seed/sop-penanganan-pengaduan.txt")));

    [Fact]
    public void It_reads_clean_with_four_pelaksana_bound_to_their_levels_hours_and_one_return()
    {
        var draft = Draft;

        Assert.Empty(SopDraftProblems.List(draft));
        Assert.Equal("800/012/SOP/DKPS/2024", draft.Header.Nomor);
        Assert.Equal("Penanganan Pengaduan Layanan Administrasi Kependudukan", draft.Header.Judul);
        Assert.Equal("Bidang Pelayanan Pendaftaran Penduduk", draft.Header.BidangPemilik);
        Assert.Equal("", draft.Header.DisahkanOlehNama);
        Assert.Equal(
            [new SopPelaksana("Petugas Pelayanan", PositionLevel.Staf), new SopPelaksana("Kepala Seksi", PositionLevel.KepalaSeksi),
             new SopPelaksana("Kepala Bidang", PositionLevel.KepalaBidang), new SopPelaksana("Kepala Dinas", PositionLevel.KepalaDinas)],
            draft.ToDocument().Pelaksana);
        Assert.Equal([0, 0, 1, 2, 3], draft.Steps.Select(s => s.PelaksanaColumn));
        Assert.Equal([new SopDuration(2, DurationUnit.WorkingHours), new SopDuration(1, DurationUnit.WorkingDays), new SopDuration(4, DurationUnit.WorkingHours),
                      new SopDuration(1, DurationUnit.WorkingDays), new SopDuration(1, DurationUnit.WorkingDays)], draft.Steps.Select(s => s.Waktu.Duration));
        Assert.Equal([StepKind.Work, StepKind.Work, StepKind.Verify, StepKind.Work, StepKind.Approve], draft.Steps.Select(s => s.Kind));
        Assert.Equal([null, null, 2, null, null], draft.Steps.Select(s => s.ReturnToStep));
    }
}

public sealed class PelaksanaLevelTests
{
    [Theory]
    [InlineData("Pejabat Fungsional", PositionLevel.Staf)]
    [InlineData("Petugas Loket", PositionLevel.Staf)]
    [InlineData("Kepala Seksi", PositionLevel.KepalaSeksi)]
    [InlineData("Kepala Sub Bagian Umum", PositionLevel.KepalaSeksi)]
    [InlineData("Kasubbag Keuangan", PositionLevel.KepalaSeksi)]
    [InlineData("Kepala Bidang", PositionLevel.KepalaBidang)]
    [InlineData("Sekretaris", PositionLevel.KepalaBidang)]
    [InlineData("Kepala Dinas", PositionLevel.KepalaDinas)]
    [InlineData("Kepala Badan", PositionLevel.KepalaDinas)]
    [InlineData("Pemohon", null)]
    public void A_column_name_proposes_the_level_that_does_its_steps(string name, PositionLevel? level)
    {
        Assert.Equal(level, SopDraftSuggestions.LevelFromName(name));
    }

    [Fact]
    public void A_column_whose_level_is_not_known_must_be_bound_before_saving()
    {
        var sop = SyntheticSop.FourPelaksana();
        var draft = SopFormParser.Parse((sop with { Pelaksana = ["Pemohon", .. sop.Pelaksana.Skip(1)] }).Text());

        Assert.Equal(["Kolom pelaksana \"Pemohon\": pilih tingkat jabatan yang mengerjakannya."], SopDraftProblems.List(draft).Select(p => p.ToString()));

        draft.Pelaksana[0].Level = PositionLevel.Staf;

        Assert.Empty(SopDraftProblems.List(draft));
    }
}
