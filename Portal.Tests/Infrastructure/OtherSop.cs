using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A second SOP of the office beside the innovation SOP: four steps (one timed in hours, one verification that may
/// return) and item fields of every type but long text. Stored straight into the database, and an item created the
/// way the create command of such SOPs does it: <see cref="ItemFieldsCreate"/> prepares, then applies inside the
/// transaction that adds the item and its first run.
/// </summary>
public static class OtherSop
{
    public const string Nomor = "800/019/SOP/DKPS/2024";
    public const string Judul = "Pelayanan Legalisir Dokumen Kependudukan";
    public const string DisahkanOleh = "Kepala Dinas Kependudukan dan Pencatatan Sipil";
    public const string DisahkanOlehNama = "Hj. Rahmawati Saleh, S.Sos., M.Si.";

    /// <summary>The pelaksana columns, named as the SOP table names them (not as the positions are named).</summary>
    public const string PetugasLoket = "Petugas Loket";
    public const string PenanggungJawab = "Penanggung Jawab Layanan";
    public const string Pengesah = "Kepala Dinas";

    public static readonly ItemFieldDefinition[] Fields =
    [
        new("nomor_permohonan", "Nomor permohonan", ItemFieldType.Text, Required: true),
        new("tanggal_permohonan", "Tanggal permohonan", ItemFieldType.Date, Required: true),
        new("jumlah_lembar", "Jumlah lembar", ItemFieldType.Number),
        new("biaya", "Biaya", ItemFieldType.Rupiah),
        new("jenis_dokumen", "Jenis dokumen", ItemFieldType.Choice, Required: true, Options: ["Kartu Keluarga", "Akta Kelahiran", "KTP-el"]),
        new("petugas", "Petugas loket", ItemFieldType.Person),
        new("surat", "Surat permohonan", ItemFieldType.File, Required: true),
    ];

    public static readonly SopDocument Document = new(1,
        new SopHeader("Pemerintah Kabupaten Paser", "Dinas Kependudukan dan Pencatatan Sipil", "Pelayanan Pendaftaran Penduduk", Nomor, Judul,
            new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2), new DateOnly(2024, 2, 1), DisahkanOleh, DisahkanOlehNama, "197203151998031004",
            [], [], [], [], [], []),
        [
            new SopPelaksana(PetugasLoket, PositionLevel.Staf),
            new SopPelaksana(PenanggungJawab, PositionLevel.KepalaBidang),
            new SopPelaksana(Pengesah, PositionLevel.KepalaDinas),
        ],
        [
            new SopStepDefinition(1, "Penerimaan permohonan", "Menerima dan memeriksa kelengkapan permohonan legalisir.", 0,
                StepKind.Work, new SopDuration(2, DurationUnit.WorkingHours), ["Surat permohonan"], "Berkas permohonan", null, InnovationStage.Inisiatif, false),
            new SopStepDefinition(2, "Verifikasi berkas", "Memverifikasi berkas permohonan.", 1,
                StepKind.Verify, new SopDuration(1, DurationUnit.WorkingDays), ["Berkas permohonan"], "Berkas terverifikasi", 1, InnovationStage.Inisiatif, false),
            new SopStepDefinition(3, "Penerbitan legalisir", "Mencetak dan membubuhkan legalisir.", 0,
                StepKind.Work, new SopDuration(3, DurationUnit.WorkingDays), ["Berkas terverifikasi"], "Dokumen terlegalisir", null, InnovationStage.Inisiatif, true),
            new SopStepDefinition(4, "Pengesahan", "Mengesahkan dokumen terlegalisir.", 2,
                StepKind.Approve, new SopDuration(1, DurationUnit.WorkingDays), ["Dokumen terlegalisir"], "Dokumen sah", null, InnovationStage.Inisiatif, false),
        ]);

    /// <summary>Stores the SOP and its first version with its fields; returns the version's id.</summary>
    public static async Task<int> AddAsync(PortalAppFactory app, DateTimeOffset now)
    {
        await using var db = app.CreateDbContext();
        var sop = new Sop { Slug = "legalisir", Title = Judul, RecordKind = SopRecordKind.PelaksanaanSop, CreatedAt = now };
        db.Sops.Add(sop);
        await db.SaveChangesAsync();
        var definition = SopDefinition.From(sop.Id, Document, "Uji", now, "Uji");
        definition.FieldsJson = ItemFieldsJson.SerializeDefinitions(Fields);
        db.SopDefinitions.Add(definition);
        await db.SaveChangesAsync();
        return definition.Id;
    }

    /// <summary>
    /// Creates an item of the SOP (by its version's id) for a person of its first step, through the workflow service as
    /// the item form does; returns its id, or the problems the fields have.
    /// </summary>
    public static async Task<(int? Id, IReadOnlyDictionary<string, string> Problems)> CreateItemAsync(
        PortalAppFactory app, int definitionId, string userId, ItemFieldsSubmission submission, DateTimeOffset now)
    {
        var preparation = await app.Get<ItemFieldsCreate>().PrepareAsync(Fields, submission);
        if (preparation.Prepared is not { } prepared) return (null, preparation.Problems);
        using (prepared)
        {
            int sopId;
            int? bidang;
            await using (var db = app.CreateDbContext())
            {
                sopId = await db.SopDefinitions.Where(d => d.Id == definitionId).Select(d => d.SopId).SingleAsync();
                var actor = await ActorDirectory.ResolveAsync(db, userId, (await app.Get<CalendarProvider>().GetAsync()).LocalDate(now));
                bidang = actor is null ? null : OfficeRules.ProposerBidang(Document, actor);
            }
            Assert.True(bidang is not null, "Only a person of the first step's pelaksana column creates an item.");
            var result = await app.Get<WorkflowService>().CreateItemAsync(sopId, new SopItemDetails { BidangId = bidang }, userId, prepared);
            Assert.True(result.Succeeded, result.Message);
            return (result.InnovationId, preparation.Problems);
        }
    }
}
