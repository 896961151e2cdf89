using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.SopEditor;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>
/// An SOP's item fields are part of its versioned data: the administrator edits them in the SOP editor, they travel with
/// every later version, and an item of the SOP cannot be started without them.
/// </summary>
public sealed class SopItemFieldsRevisionTests(SopItemFieldsRevisionTests.App app) : IClassFixture<SopItemFieldsRevisionTests.App>
{
    public sealed class App() : PortalAppFactory(new TestClock(TestInstants.OrdinaryWednesday));

    private SopAdministration Administration => app.Get<SopAdministration>();

    private async Task<int> SopIdAsync(string slug, string title, string nomor)
    {
        await using (var db = app.CreateDbContext())
        {
            if (await db.Sops.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefaultAsync() is { } existing) return existing;
        }
        return (await app.AddSopAsync(slug, title, nomor, TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Terima berkas", 0, duration: new SopDuration(2, DurationUnit.WorkingHours)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 1),
            TestSops.Step(3, "Tanda tangan", 2, StepKind.Approve))).Id;
    }

    [Fact]
    public async Task Fields_added_in_the_editor_become_a_new_version_travel_with_a_step_edit_and_are_asked_when_an_item_starts()
    {
        var sopId = await SopIdAsync("pindah-datang", "Pelayanan Pindah Datang", "800/051/SOP/DKPS/2024");
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var (_, revision) = await Administration.StartRevisionAsync(sopId);
        Assert.True(revision.HasItemFields);
        Assert.Empty(revision.Fields);

        revision.Fields.Add(new ItemFieldEdit { Label = "Nama pemohon", Required = true });
        revision.Fields.Add(new ItemFieldEdit { Label = "Daerah asal", Type = ItemFieldType.Choice, OptionsText = "Dalam provinsi\nLuar provinsi\n" });
        revision.ChangeNote = "Isian permohonan pindah datang (nota dinas 14/2026).";
        var saved = await Administration.SaveNewVersionAsync(revision, admin);

        Assert.True(saved.Succeeded, saved.Message);
        await using (var db = app.CreateDbContext())
        {
            var latest = await db.SopDefinitions.Where(d => d.SopId == sopId).OrderByDescending(d => d.Version).FirstAsync();
            Assert.Equal(2, latest.Version);
            var stored = ItemFieldsJson.ParseDefinitions(latest.FieldsJson);
            Assert.Equal([("nama_pemohon", "Nama pemohon", ItemFieldType.Text, true), ("daerah_asal", "Daerah asal", ItemFieldType.Choice, false)],
                stored.Select(f => (f.Key, f.Label, f.Type, f.Required)));
            Assert.Equal(["Dalam provinsi", "Luar provinsi"], stored[1].Options);
            var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.SopChanged).OrderBy(a => a.Id).LastAsync();
            Assert.Equal("Versi 2: isian \"Nama pemohon\" ditambahkan, isian \"Daerah asal\" ditambahkan", audit.Detail);
        }

        // A later edit of a step only keeps the fields.
        var (_, stepEdit) = await Administration.StartRevisionAsync(sopId);
        stepEdit.Steps[0].DurationValue = 3;
        stepEdit.ChangeNote = "Penerimaan berkas butuh tiga jam kerja.";
        Assert.True((await Administration.SaveNewVersionAsync(stepEdit, admin)).Succeeded);
        var (_, third) = await Administration.StartRevisionAsync(sopId);
        Assert.Equal(["nama_pemohon", "daerah_asal"], third.Fields.Select(f => f.Key));

        // Starting an item without its fields is refused and stores nothing; with them it starts, audited.
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var bidang = (await app.UserAsync(DemoPeople.FungsionalPdip)).BidangId;
        var workflow = app.Get<WorkflowService>();
        var itemsBefore = await CountItemsAsync(sopId);
        var bare = await workflow.CreateItemAsync(sopId, new SopItemDetails { Title = "Pindah datang a.n. Budi", BidangId = bidang }, fungsional);
        Assert.False(bare.Succeeded);
        Assert.Equal("Isi data permohonan yang diminta SOP ini pada formulir pelaksanaan baru.", bare.Message);
        Assert.Equal(itemsBefore, await CountItemsAsync(sopId));

        var fields = ItemFieldEdit.ToDefinitions(third.Fields);
        var preparation = await app.Get<ItemFieldsCreate>().PrepareAsync(fields, new ItemFieldsSubmission(new Dictionary<string, string?>
        {
            [ItemFieldsCreate.TitleKey] = "Pindah datang a.n. Budi", ["nama_pemohon"] = "Budi Santoso", ["daerah_asal"] = "luar provinsi",
        }, new Dictionary<string, ItemFieldUpload>()));
        using var prepared = preparation.Prepared!;
        var started = await workflow.CreateItemAsync(sopId, new SopItemDetails { BidangId = bidang }, fungsional, prepared);

        Assert.True(started.Succeeded, started.Message);
        await using var check = app.CreateDbContext();
        var item = await check.Innovations.SingleAsync(i => i.Id == started.InnovationId);
        Assert.Equal("Pindah datang a.n. Budi", item.Title);
        Assert.Equal(new Dictionary<string, string> { ["nama_pemohon"] = "Budi Santoso", ["daerah_asal"] = "Luar provinsi" },
            ItemFieldsJson.ParseValues(item.FieldValuesJson));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.InnovationId == item.Id && a.Action == AuditActions.InnovationCreated));
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "choice without options", "isian \"Jenis pindah\": pilihan wajib diisi" },
        { "blank label", "label wajib diisi" },
        { "same option twice", "isian \"Jenis pindah\": pilihan ganda" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Fields_that_cannot_be_asked_are_refused_in_words_and_no_version_is_stored(string problem, string expected)
    {
        var sopId = await SopIdAsync("kartu-keluarga", "Pelayanan Kartu Keluarga", "800/052/SOP/DKPS/2024");
        var (_, revision) = await Administration.StartRevisionAsync(sopId);
        revision.Fields.Add(problem switch
        {
            "choice without options" => new ItemFieldEdit { Label = "Jenis pindah", Type = ItemFieldType.Choice },
            "blank label" => new ItemFieldEdit { Label = "  " },
            _ => new ItemFieldEdit { Label = "Jenis pindah", Type = ItemFieldType.Choice, OptionsText = "Antar desa\nantar desa" },
        });
        revision.ChangeNote = "Isian yang tidak dapat ditanyakan.";
        var versions = await CountVersionsAsync(sopId);

        var saved = await Administration.SaveNewVersionAsync(revision, await app.IdAsync(DemoPeople.Administrator));

        Assert.False(saved.Succeeded);
        Assert.StartsWith("Isian data permohonan tidak dapat disimpan: ", saved.Message);
        Assert.Contains(expected, saved.Message);
        Assert.Equal(versions, await CountVersionsAsync(sopId));
    }

    [Fact]
    public async Task The_innovation_SOP_keeps_its_SINOVIK_fields_and_offers_no_field_editor()
    {
        var (_, revision) = await Administration.StartRevisionAsync(await app.InnovationSopIdAsync());
        Assert.False(revision.HasItemFields);
    }

    [Theory]
    [InlineData("Nomor WhatsApp pelapor", "nomor_whatsapp_pelapor")]
    [InlineData("Tanggal pengaduan (hari kerja)", "tanggal_pengaduan_hari_kerja")]
    [InlineData("Alamat pemohon", "alamat_pemohon")]
    [InlineData("2 lembar fotokopi", "isian_2_lembar_fotokopi")]
    [InlineData("Catatan petugas", "catatan_petugas")]
    public void A_new_fields_key_is_made_from_its_label(string label, string key) => Assert.Equal(key, ItemFieldEdit.KeyOf(label));

    [Fact]
    public void Two_new_fields_with_one_label_and_a_field_labelled_judul_get_keys_of_their_own()
    {
        var keys = ItemFieldEdit.ToDefinitions([new() { Label = "Catatan" }, new() { Label = "Catatan" }, new() { Label = "Judul" }]).Select(f => f.Key);
        Assert.Equal(["catatan", "catatan_2", "judul_2"], keys);
    }

    private async Task<int> CountItemsAsync(int sopId)
    {
        await using var db = app.CreateDbContext();
        return await db.Innovations.CountAsync(i => i.SopDefinition!.SopId == sopId);
    }

    private async Task<int> CountVersionsAsync(int sopId)
    {
        await using var db = app.CreateDbContext();
        return await db.SopDefinitions.CountAsync(d => d.SopId == sopId);
    }
}
