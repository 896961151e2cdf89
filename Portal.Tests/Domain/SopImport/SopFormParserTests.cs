using Portal.Domain;
using Portal.Domain.SopImport;

namespace Portal.Tests.Domain.SopImport;

/// <summary>The SOP form read from the text of the signed SOP Inovasi Pelayanan, checked against the built-in SOP.</summary>
public sealed class SopFormParserTests
{
    [Fact]
    public void The_header_fields_are_read_from_the_signed_text()
    {
        var header = SopFormParser.Parse(SignedSop.Text).Header;
        var expected = SignedSop.BuiltIn.Header;

        Assert.Equal(expected.Instansi, header.Instansi);
        Assert.Equal(expected.Dinas, header.Dinas);
        Assert.Equal(expected.BidangPemilik, header.BidangPemilik);
        Assert.Equal(expected.Nomor, header.Nomor);
        Assert.Equal(expected.Judul, header.Judul);
        Assert.Equal(new DateOnly(2024, 1, 2), header.TanggalPembuatan);
        Assert.Equal(new DateOnly(2024, 1, 2), header.TanggalRevisi);
        Assert.Equal(new DateOnly(2024, 1, 8), header.TanggalEfektif);
        Assert.Equal(expected.DisahkanOleh, header.DisahkanOleh);
        Assert.Equal(expected.DisahkanOlehNama, header.DisahkanOlehNama);
        Assert.Equal(expected.DisahkanOlehNip, header.DisahkanOlehNip);
        // The signed text writes "Tentang" where the seed writes "tentang"; otherwise the lists are the same.
        Assert.Equal(expected.DasarHukum, header.DasarHukum, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.KualifikasiPelaksana, header.KualifikasiPelaksana);
        Assert.Equal(expected.KeterkaitanSop, header.KeterkaitanSop);
        Assert.Equal(expected.Peralatan, header.Peralatan);
        Assert.Equal(expected.Peringatan, header.Peringatan);
        Assert.Equal(expected.Pencatatan, header.Pencatatan);
    }

    [Fact]
    public void The_table_gives_the_built_in_SOP_once_the_pelaksana_are_confirmed_as_the_README_reads_them()
    {
        var draft = SopFormParser.Parse(SignedSop.Text);

        Assert.Equal(["Pejabat Fungsional", "Kepala Bidang", "Kepala Dinas"], draft.Pelaksana.Select(p => p.Name));
        Assert.Contains(draft.Steps, s => s.Decision == PelaksanaDecision.Suggested);
        SignedSop.ConfirmAsReadme(draft);
        Assert.Empty(SopDraftProblems.List(draft));

        var imported = draft.ToDocument();
        var builtIn = SignedSop.BuiltIn;
        Assert.Equal(1, imported.Version);
        Assert.Equal(builtIn.Pelaksana, imported.Pelaksana);
        Assert.Equal(builtIn.Steps.Select(s => s.Number), imported.Steps.Select(s => s.Number));
        foreach (var (expected, actual) in builtIn.Steps.Zip(imported.Steps))
        {
            Assert.Equal(expected.Activity, actual.Activity);
            Assert.Equal(expected.Inputs, actual.Inputs);
            Assert.Equal(expected.Duration, actual.Duration);
            Assert.Equal(SignedSop.OutputsAsSigned.GetValueOrDefault(expected.Number, expected.Output), actual.Output);
            Assert.Equal(expected.ReturnToStep, actual.ReturnToStep);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Pelaksana, actual.Pelaksana);
            Assert.Equal(expected.RequiresOutput, actual.RequiresOutput);
        }
        Assert.Empty(SopDefinitionRules.Problems(imported));
    }

    [Fact]
    public void Without_marks_the_verbs_suggest_the_pelaksana_and_only_step_8_needs_another_column()
    {
        var draft = SopFormParser.Parse(SignedSop.Text);

        // verifikasi → the column above the verified step; persetujuan → the head; anything else → the first column.
        var suggested = draft.Steps.ToDictionary(s => s.Number, s => draft.Pelaksana[s.PelaksanaColumn!.Value].Name);
        Assert.All(draft.Steps, s => Assert.Equal(PelaksanaDecision.Suggested, s.Decision));
        Assert.Equal([8], SignedSop.PelaksanaByReadme.Where(p => suggested[p.Key] != p.Value).Select(p => p.Key));
        Assert.Equal("Pejabat Fungsional", suggested[8]);
    }

    [Fact]
    public void Accepting_every_suggestion_leaves_only_what_the_administrator_has_not_settled()
    {
        var draft = SopFormParser.Parse(SignedSop.Text);
        Assert.Equal(10, SopDraftProblems.List(draft).Count(p => p.Message.StartsWith("pastikan pelaksananya")));

        draft.ConfirmAllSuggestions();

        Assert.Empty(SopDraftProblems.List(draft));
        Assert.All(draft.Steps, s => Assert.Equal(PelaksanaDecision.Confirmed, s.Decision));
    }

    [Fact]
    public void Short_names_are_the_first_clause_of_the_activity()
    {
        var names = SopFormParser.Parse(SignedSop.Text).Steps.Select(s => s.ShortName).ToList();

        Assert.Equal("Melakukan verifikasi terhadap konsep inovasi pelayanan", names[2]);
        Assert.Equal("Jika sesuai maka memberikan persetujuan", names[4]);
        Assert.Equal("Melakukan set up inovasi", names[5]);
        Assert.All(names, n => Assert.InRange(n.Length, 1, SopFormText.ShortNameMaxLength));
    }
}
