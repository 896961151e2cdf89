using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Outputs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Innovations;

/// <summary>Creating an item of an SOP with its own fields, on a real portal: values stored in their plain form, files kept like outputs.</summary>
public sealed class ItemFieldsCreateTests(ItemFieldsCreateTests.App app) : IClassFixture<ItemFieldsCreateTests.App>, IAsyncLifetime
{
    public sealed class App() : PortalAppFactory(new TestClock(TestInstants.OrdinaryWednesday));

    private static readonly DateTimeOffset Now = TestInstants.OrdinaryWednesday;
    private int sopId;
    private string fungsional = "";
    private string kabid = "";

    public async Task InitializeAsync()
    {
        await using (var db = app.CreateDbContext())
            sopId = await db.SopDefinitions.Where(s => s.Code == OtherSop.Nomor).Select(s => s.Id).FirstOrDefaultAsync();
        if (sopId == 0) sopId = await OtherSop.AddAsync(app, Now);
        fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        kabid = await app.IdAsync(DemoPeople.KabidPdip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ItemFieldUpload Upload(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));

    private ItemFieldsSubmission Submission(ItemFieldUpload? surat, string? petugas = null, string title = "Legalisir KK a.n. Budi Santoso") => new(
        new Dictionary<string, string?>
        {
            [ItemFieldsCreate.TitleKey] = title,
            ["nomor_permohonan"] = "LGS/2026/0117",
            ["tanggal_permohonan"] = "2026-11-24",
            ["jumlah_lembar"] = "3",
            ["biaya"] = "Rp 0",
            ["jenis_dokumen"] = "kartu keluarga",
            ["petugas"] = petugas ?? kabid,
        },
        surat is null ? new Dictionary<string, ItemFieldUpload>() : new Dictionary<string, ItemFieldUpload> { ["surat"] = surat });

    private IEnumerable<string> LeftoverTemporaryFiles()
    {
        var folder = app.Get<StepOutputs>().TemporaryFolder;
        return Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder) : [];
    }

    [Fact]
    public async Task An_item_gets_its_title_values_in_plain_form_and_the_file_as_an_output_of_its_first_step()
    {
        var pdf = DemoDocument.Pdf("Surat permohonan legalisir");

        var (id, problems) = await OtherSop.CreateItemAsync(app, sopId, fungsional, Submission(Upload("Surat permohonan.pdf", pdf)), Now);

        Assert.Empty(problems);
        await using var db = app.CreateDbContext();
        var item = await db.Innovations.AsNoTracking().Include(i => i.StepRuns).SingleAsync(i => i.Id == id);
        var attachment = await db.Attachments.AsNoTracking().SingleAsync(a => a.InnovationId == id);
        Assert.Equal("Legalisir KK a.n. Budi Santoso", item.Title);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nomor_permohonan"] = "LGS/2026/0117",
            ["tanggal_permohonan"] = "2026-11-24",
            ["jumlah_lembar"] = "3",
            ["biaya"] = "0",
            ["jenis_dokumen"] = "Kartu Keluarga",
            ["petugas"] = kabid,
            ["surat"] = attachment.Id.ToString("D"),
        }, ItemFieldsJson.ParseValues(item.FieldValuesJson));
        Assert.Equal(("Surat permohonan.pdf", item.StepRuns.Single().Id, 1, "application/pdf"),
            (attachment.FileName, attachment.StepRunId, attachment.StepNumber, attachment.ContentType));

        // The proposer opens it like any output; the bytes are the ones sent, kept outside the temporary folder.
        var opened = await app.Get<StepOutputs>().OpenAsync(attachment.Id, fungsional);
        Assert.NotNull(opened);
        await using (var content = opened.Value.Content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(pdf, copy.ToArray());
        }
        Assert.Empty(LeftoverTemporaryFiles());

        var (fields, values) = await ItemFieldLookup.LoadAsync(db, item.SopDefinitionId, item.FieldValuesJson);
        var names = await ItemFieldLookup.NamesAsync(db, item.Id, fields!, values);
        Assert.Equal(
            ["LGS/2026/0117", "24 November 2026", "3", "Rp 0", "Kartu Keluarga", "Nurul Hidayah, S.E., M.M.", "Surat permohonan.pdf"],
            ItemFieldText.All(fields!, values, names).Select(f => f.Text));
    }

    [Fact]
    public async Task A_file_whose_content_is_not_its_type_is_refused_in_words_and_nothing_is_stored()
    {
        var before = await CountsAsync();

        var (id, problems) = await OtherSop.CreateItemAsync(app, sopId, fungsional,
            Submission(Upload("Surat permohonan.pdf", Encoding.UTF8.GetBytes("MZ bukan pdf")), title: "Berkas palsu"), Now);

        Assert.Null(id);
        Assert.Equal("Surat permohonan: Isi berkas tidak sesuai dengan jenisnya \".pdf\". Yang diterima: PDF, DOCX, XLSX, JPG, PNG.", problems["surat"]);
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(LeftoverTemporaryFiles());
    }

    [Fact]
    public async Task A_person_who_is_not_an_active_user_and_a_missing_file_are_both_named_and_the_good_file_is_not_kept()
    {
        var before = await CountsAsync();

        var (missingFile, missingProblems) = await OtherSop.CreateItemAsync(app, sopId, fungsional, Submission(null), Now);
        var (unknownPerson, personProblems) = await OtherSop.CreateItemAsync(app, sopId, fungsional,
            Submission(Upload("Surat permohonan.pdf", DemoDocument.Pdf("Surat")), petugas: "bukan-pegawai"), Now);

        Assert.Null(missingFile);
        Assert.Equal("Surat permohonan wajib dilampirkan.", missingProblems["surat"]);
        Assert.Null(unknownPerson);
        Assert.Equal(new Dictionary<string, string> { ["petugas"] = "Petugas loket: pilih pegawai yang masih aktif." }, personProblems);
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(LeftoverTemporaryFiles());
    }

    [Fact]
    public async Task The_items_page_shows_its_fields_in_words_and_offers_its_Laporan_Pelaksanaan_SOP_while_an_innovation_keeps_its_own()
    {
        var (id, _) = await OtherSop.CreateItemAsync(app, sopId, fungsional, Submission(Upload("Surat permohonan.pdf", DemoDocument.Pdf("Surat"))), Now);
        int innovationId;
        await using (var db = app.CreateDbContext())
            innovationId = await db.Innovations.Where(i => i.SopDefinitionId != sopId).Select(i => i.Id).FirstAsync();
        var client = await app.SignedInClientAsync(DemoPeople.FungsionalPdip);

        var page = await (await client.GetAsync($"/inovasi/{id}")).HtmlAsync();
        var innovationPage = await (await client.GetAsync($"/inovasi/{innovationId}")).HtmlAsync();

        Assert.Contains("Data permohonan", page);
        foreach (var shown in new[] { "LGS/2026/0117", "24 November 2026", "Rp 0", "Kartu Keluarga", "Nurul Hidayah, S.E., M.M.", "Surat permohonan.pdf" })
            Assert.Contains(shown, page);
        Assert.Contains($"href=\"/laporan/pelaksanaan/{id}.pdf\"", page);
        Assert.DoesNotContain("Identitas inovasi", page);
        Assert.Contains("Pelaksanaan dibuat", page);
        Assert.DoesNotContain("Inovasi dibuat", page);
        Assert.Contains("Inovasi dibuat", innovationPage);
        Assert.Contains("Identitas inovasi", innovationPage);
        Assert.DoesNotContain("Laporan Pelaksanaan SOP", innovationPage);
    }

    [Fact]
    public async Task Editing_an_items_fields_keeps_its_file_unless_another_is_chosen_and_is_audited()
    {
        var (id, _) = await OtherSop.CreateItemAsync(app, sopId, fungsional, Submission(Upload("Surat permohonan.pdf", DemoDocument.Pdf("Surat"))), Now);
        var workflow = app.Get<Portal.Features.Workflow.WorkflowService>();
        async Task<(Innovation Item, IReadOnlyDictionary<string, string> Values)> StoredAsync()
        {
            await using var db = app.CreateDbContext();
            var item = await db.Innovations.AsNoTracking().SingleAsync(i => i.Id == id);
            return (item, ItemFieldsJson.ParseValues(item.FieldValuesJson));
        }
        var (before, stored) = await StoredAsync();

        // The title and a value change; no new file is chosen, so the stored one stays.
        var changed = Submission(null, title: "Legalisir KK a.n. Budi Santoso (3 lembar)");
        var preparation = await app.Get<ItemFieldsCreate>().PrepareAsync(OtherSop.Fields, changed with
        {
            Values = new Dictionary<string, string?>(changed.Values) { ["jumlah_lembar"] = "5" },
        }, stored);
        using (var prepared = preparation.Prepared!)
        {
            var saved = await workflow.UpdateItemAsync(id!.Value, before.Version, new SopItemDetails(), fungsional, prepared);
            Assert.True(saved.Succeeded, saved.Message);
        }
        var (after, values) = await StoredAsync();
        Assert.Equal("Legalisir KK a.n. Budi Santoso (3 lembar)", after.Title);
        Assert.Equal("5", values["jumlah_lembar"]);
        Assert.Equal(stored["surat"], values["surat"]);

        // A stale edit (someone changed it meanwhile) is refused and its new file is not kept.
        var replaced = await app.Get<ItemFieldsCreate>().PrepareAsync(OtherSop.Fields,
            Submission(Upload("Surat baru.pdf", DemoDocument.Pdf("Surat baru"))), values);
        var counts = await CountsAsync();
        using (var prepared = replaced.Prepared!)
        {
            var stale = await workflow.UpdateItemAsync(id!.Value, before.Version, new SopItemDetails(), fungsional, prepared);
            Assert.False(stale.Succeeded);
        }
        Assert.Equal(counts, await CountsAsync());
        Assert.Empty(LeftoverTemporaryFiles());

        await using var check = app.CreateDbContext();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.InnovationId == id && a.Action == AuditActions.DetailsChanged));
    }

    private async Task<(int Items, int Attachments, int StoredFiles)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        var folder = app.Get<StepOutputs>().Folder;
        var stored = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.bin", SearchOption.AllDirectories).Count() : 0;
        return (await db.Innovations.CountAsync(), await db.Attachments.CountAsync(), stored);
    }
}
