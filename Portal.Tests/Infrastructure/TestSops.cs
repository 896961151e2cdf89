using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Tests.Infrastructure;

/// <summary>The seeded innovation SOP, and further SOPs a test adds straight to the database (an Sop row and its version 1).</summary>
public static class TestSops
{
    public static async Task<int> InnovationSopIdAsync(this PortalAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Sops.Where(s => s.RecordKind == SopRecordKind.InovasiPelayanan).Select(s => s.Id).SingleAsync();
    }

    /// <summary>Three pelaksana columns: staff, the Kepala Bidang and the Kepala Dinas (steps name them by index 0, 1, 2).</summary>
    public static readonly IReadOnlyList<SopPelaksana> StaffHeadAndChief =
    [
        new("Petugas Pelayanan", PositionLevel.Staf),
        new("Kepala Bidang", PositionLevel.KepalaBidang),
        new("Kepala Dinas", PositionLevel.KepalaDinas),
    ];

    /// <summary>Stores an SOP of the office besides the innovation SOP, with the given columns and steps as its version 1.</summary>
    public static async Task<SopSummary> AddSopAsync(this PortalAppFactory app, string slug, string title, string nomor,
        IReadOnlyList<SopPelaksana> pelaksana, params SopStepDefinition[] steps)
    {
        var now = app.Get<TimeProvider>().GetUtcNow();
        var document = new SopDocument(1, Header(title, nomor), pelaksana, steps);
        await using var db = app.CreateDbContext();
        var sop = new Sop { Slug = slug, Title = title, RecordKind = SopRecordKind.PelaksanaanSop, CreatedAt = now };
        db.Sops.Add(sop);
        await db.SaveChangesAsync();
        db.SopDefinitions.Add(SopDefinition.From(sop.Id, document, "Versi awal untuk uji.", now, "Uji"));
        await db.SaveChangesAsync();
        return new SopSummary(sop.Id, slug, title, nomor, SopRecordKind.PelaksanaanSop);
    }

    /// <param name="pelaksana">The index of the step's pelaksana column.</param>
    public static SopStepDefinition Step(int number, string name, int pelaksana, StepKind kind = StepKind.Work, SopDuration? duration = null,
        int? returnTo = null) =>
        new(number, name, $"{name} sesuai SOP.", pelaksana, kind, duration, ["Berkas permohonan"], $"Hasil {name.ToLowerInvariant()}", returnTo,
            InnovationStage.Inisiatif, RequiresOutput: false);

    private static SopHeader Header(string title, string nomor) => new(
        "Pemerintah Kabupaten Paser", "Dinas Kependudukan dan Pencatatan Sipil", "Pelayanan Pencatatan Sipil", nomor, title,
        new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 8),
        "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Paser", "DR. H. Ismani Yanuardi, S.Hut., MM", null,
        ["Undang-Undang Nomor 24 Tahun 2013"], ["Memahami pencatatan sipil"], ["Tidak terkait dengan SOP yang lain"], ["Komputer"],
        ["Layanan terhambat bila SOP tidak dijalankan"], ["Laporan Pelaksanaan SOP"]);
}
