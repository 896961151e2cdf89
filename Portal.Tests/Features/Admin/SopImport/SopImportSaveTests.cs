using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Domain.SopImport;
using Portal.Features.Admin.SopImport;
using Portal.Features.Workflow;
using Portal.Tests.Domain.SopImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin.SopImport;

/// <summary>Saving an imported SOP: a new SOP with its version 1 beside the existing ones, or a refusal that stores nothing.</summary>
public sealed class SopImportSaveTests(SopImportSaveTests.App app) : IClassFixture<SopImportSaveTests.App>
{
    public sealed class App() : PortalAppFactory();

    private SopImportAdministration Administration => app.Get<SopImportAdministration>();

    /// <summary>The signed SOP Inovasi Pelayanan under a new number and name, so it is not the SOP already stored.</summary>
    private static SopDraft SignedAsNewSop(string nomor, string judul)
    {
        var draft = SopFormParser.Parse(SignedSop.Text);
        SignedSop.ConfirmAsReadme(draft);
        draft.Header.Nomor = nomor;
        draft.Header.Judul = judul;
        return draft;
    }

    [Fact]
    public async Task The_signed_table_is_saved_as_a_new_SOP_whose_version_1_has_the_built_in_steps()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var catalog = app.Get<SopCatalog>();
        var before = await catalog.ListAsync();

        var saved = await Administration.SaveAsync(SignedAsNewSop("12./105/SOP/DKPS/1/2026", "Inovasi Pelayanan Bidang Capil"), "sop-capil.docx", admin);

        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        Assert.Equal("SOP Inovasi Pelayanan Bidang Capil disimpan sebagai SOP baru (versi 1) dengan 10 langkah.", saved.Result.Message);
        var after = await catalog.ListAsync();
        Assert.Equal(before.Count + 1, after.Count);
        var added = after.Single(s => before.All(b => b.Id != s.Id));
        Assert.Equal(("inovasi-pelayanan-bidang-capil", "Inovasi Pelayanan Bidang Capil", "12./105/SOP/DKPS/1/2026", SopRecordKind.PelaksanaanSop),
            (added.Slug, added.Title, added.Nomor, added.RecordKind));

        var (currentId, stored) = await catalog.CurrentAsync(added.Id);
        Assert.Equal(saved.DefinitionId, currentId);
        Assert.Equal(1, stored.Version);
        var builtIn = SignedSop.BuiltIn;
        Assert.Equal(builtIn.Pelaksana, stored.Pelaksana);
        Assert.Equal(
            builtIn.Steps.Select(s => (s.Number, s.Activity, s.Pelaksana, s.Kind, s.Duration, string.Join("|", s.Inputs), SignedSop.OutputsAsSigned.GetValueOrDefault(s.Number, s.Output), s.ReturnToStep, s.RequiresOutput)),
            stored.Steps.Select(s => (s.Number, s.Activity, s.Pelaksana, s.Kind, s.Duration, string.Join("|", s.Inputs), s.Output, s.ReturnToStep, s.RequiresOutput)));
        // The innovation SOP, its page and its version history are untouched (the page only offers the new SOP in its list of SOPs).
        Assert.Equal(builtIn.Steps.Select(s => s.Output), (await catalog.CurrentAsync()).Document.Steps.Select(s => s.Output));
        var sopPage = await (await (await app.SignedInClientAsync(DemoPeople.Pemantau)).GetAsync("/sop")).HtmlAsync();
        Assert.Contains("SOP Inovasi Pelayanan", sopPage);
        Assert.DoesNotContain("Diimpor dari", sopPage);

        await using var db = app.CreateDbContext();
        var version = await db.SopDefinitions.SingleAsync(d => d.Id == saved.DefinitionId);
        Assert.Equal("Diimpor dari sop-capil.docx.", version.ChangeNote);
        Assert.Equal("Admin Portal", version.CreatedByName);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.SopImported).OrderBy(a => a.Id).LastAsync();
        Assert.Equal("SOP Inovasi Pelayanan Bidang Capil (12./105/SOP/DKPS/1/2026) versi 1 dari sop-capil.docx: 10 langkah, pelaksana Pejabat Fungsional, Kepala Bidang, Kepala Dinas",
            audit.Detail);
    }

    [Fact]
    public async Task A_second_SOP_with_the_same_name_gets_refused_and_a_similar_name_gets_its_own_address()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        Assert.True((await Administration.SaveAsync(SignedAsNewSop("12./201/SOP/DKPS/1/2026", "Pengaduan Cepat"), "a.xlsx", admin)).Result.Succeeded);

        var sameName = await Administration.SaveAsync(SignedAsNewSop("12./202/SOP/DKPS/1/2026", "PENGADUAN CEPAT"), "b.xlsx", admin);
        var similar = await Administration.SaveAsync(SignedAsNewSop("12./203/SOP/DKPS/1/2026", "Pengaduan: cepat!"), "c.xlsx", admin);

        Assert.Equal("SOP bernama PENGADUAN CEPAT sudah ada. Beri nama lain, atau ubah SOP yang sudah ada di halaman Ubah SOP.", sameName.Result.Message);
        Assert.True(similar.Result.Succeeded, similar.Result.Message);
        Assert.Contains(await app.Get<SopCatalog>().ListAsync(), s => s.Slug == "pengaduan-cepat-2");
    }

    [Fact]
    public async Task A_long_name_is_cut_at_a_word_and_a_name_that_is_a_page_gets_an_address_of_its_own()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var saves = new[]
        {
            ("12./301/SOP/DKPS/1/2026", "Pelayanan Pengaduan Administrasi Kependudukan Tingkat Kecamatan"),
            ("12./302/SOP/DKPS/1/2026", "Pelayanan Pengaduan Administrasi Kependudukan Tingkat Desa"),
            ("12./303/SOP/DKPS/1/2026", "Impor"),
            ("12./304/SOP/DKPS/1/2026", "Versi"),
        };
        foreach (var (nomor, judul) in saves)
            Assert.True((await Administration.SaveAsync(SignedAsNewSop(nomor, judul), "sop.xlsx", admin)).Result.Succeeded);

        var sops = await app.Get<SopCatalog>().ListAsync();
        var slugs = sops.Where(s => saves.Any(x => x.Item2 == s.Title)).Select(s => s.Slug).ToList();

        Assert.Equal(["pelayanan-pengaduan-administrasi-kependudukan", "pelayanan-pengaduan-administrasi-kependudukan-2", "impor-2", "versi-2"], slugs);
        // The demo's second SOP, imported at seeding.
        Assert.Equal("penanganan-pengaduan-layanan-administrasi", sops.Single(s => s.Title == "Penanganan Pengaduan Layanan Administrasi Kependudukan").Slug);
        // The SOP named "Impor" has its own editor; the import page keeps its address.
        var client = await app.SignedInClientAsync(DemoPeople.Administrator);
        var editor = await (await client.GetAsync("/admin/sop/impor-2")).HtmlAsync();
        Assert.Contains("Ubah SOP — Administrasi", editor);
        Assert.Contains("Ubah SOP Impor</h1>", editor);
        Assert.Contains("Impor SOP — Administrasi", await (await client.GetAsync("/admin/sop/impor")).HtmlAsync());
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "no steps", SopDraftProblems.NoSteps },
        { "a suggested pelaksana not confirmed", "Langkah 3: pastikan pelaksananya (usulan: Kepala Bidang)" },
        { "no pelaksana columns", "Langkah 1: tidak ada pelaksana; pilih kolom pelaksananya." },
        { "an unreadable waktu", "Langkah 2: waktu \"2 bulan\" tidak dikenali" },
        { "a return to a later step", "Langkah 4: pengembalian ke langkah 6 tidak sah; tujuan pengembalian harus langkah sebelumnya." },
        { "a return to the same step", "Langkah 3: pengembalian ke langkah 3 tidak sah" },
        { "duplicate step numbers", "Langkah 7: nomor langkah ganda" },
        { "no Nomor SOP", "Nomor SOP tidak ditemukan" },
        { "no name", "Nama SOP tidak ditemukan" },
        { "the number of a stored SOP", "Nomor SOP 12./005/SOP/DKPS/1/2024 sudah dipakai oleh SOP Inovasi Pelayanan." },
        { "the name of a stored SOP", "SOP bernama Inovasi Pelayanan sudah ada." },
        { "not an administrator", "Anda tidak berwenang melakukan tindakan ini." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_problem_refuses_the_save_in_Indonesian_and_nothing_is_stored(string problem, string expected)
    {
        var actor = await app.IdAsync(problem == "not an administrator" ? DemoPeople.KepalaDinas : DemoPeople.Administrator);
        var draft = Draft(problem);
        var before = await StoredAsync();

        var saved = await Administration.SaveAsync(draft, "sop.docx", actor);

        Assert.False(saved.Result.Succeeded);
        Assert.Null(saved.DefinitionId);
        Assert.Contains(expected, saved.Result.Message);
        Assert.Equal(before, await StoredAsync());
    }

    private static SopDraft Draft(string problem)
    {
        SopDraft Changed(Func<string, string> change)
        {
            var changed = SopFormParser.Parse(change(SignedSop.Text));
            SignedSop.ConfirmAsReadme(changed);
            changed.Header.Nomor = "12./300/SOP/DKPS/1/2026";
            changed.Header.Judul = "SOP Uji Penolakan";
            return changed;
        }
        var draft = SignedAsNewSop("12./300/SOP/DKPS/1/2026", "SOP Uji Penolakan");
        switch (problem)
        {
            case "no steps": return Changed(text => text[..text.IndexOf("NO\tKEGIATAN", StringComparison.Ordinal)]);
            case "a suggested pelaksana not confirmed": return SopFormParser.Parse(SignedSop.Text);
            case "no pelaksana columns":
                var noColumns = SopFormParser.Parse(SignedSop.Text.Replace("\tPelaksana\t", "\tPetugas\t"));
                noColumns.Header.Nomor = "12./300/SOP/DKPS/1/2026";
                return noColumns;
            case "an unreadable waktu": draft.Steps[1].WaktuText = "2 bulan"; break;
            case "a return to a later step": draft.SetReturn(draft.Steps[3], 6); break;
            case "a return to the same step": draft.SetReturn(draft.Steps[2], 3); break;
            case "duplicate step numbers": return Changed(text => text.Replace("\n8\tMelakukan evaluasi", "\n7\tMelakukan evaluasi"));
            case "no Nomor SOP": draft.Header.Nomor = " "; break;
            case "no name": draft.Header.Judul = ""; break;
            case "the number of a stored SOP": draft.Header.Nomor = "12./005/SOP/DKPS/1/2024"; break;
            case "the name of a stored SOP": draft.Header.Judul = "Inovasi Pelayanan"; break;
        }
        return draft;
    }

    private async Task<string> StoredAsync()
    {
        await using var db = app.CreateDbContext();
        return $"{await db.Sops.CountAsync()} SOP, {await db.SopDefinitions.CountAsync()} versions, {await db.Set<SopStep>().CountAsync()} steps, "
            + $"{await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SopImported)} imports audited";
    }
}
