using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Data;

/// <summary>Brings a database up to date on start-up: migrations, WAL, the SOP v1, bidang, holidays and roles.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public static readonly IReadOnlyList<(string Name, string ShortName)> DefaultBidang =
    [
        ("Sekretariat", "Sekretariat"),
        ("Bidang Pelayanan Pendaftaran Penduduk", "Dafduk"),
        ("Bidang Pelayanan Pencatatan Sipil", "Capil"),
        ("Bidang Pengelolaan Informasi Administrasi Kependudukan", "PIAK"),
        ("Bidang Pemanfaatan Data dan Inovasi Pelayanan", "PDIP"),
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        if (!await db.SopDefinitions.AnyAsync(cancellationToken))
        {
            var sop = SopJson.Parse(ReadSeed("sop-inovasi-pelayanan.json"), version: 1);
            db.SopDefinitions.Add(SopDefinition.From(sop, "Versi awal dari dokumen SOP yang disahkan.", clock.GetUtcNow(), "Sistem"));
            logger.LogInformation("Seeded SOP {Code} version 1", sop.Header.Nomor);
        }
        if (!await db.Bidang.AnyAsync(cancellationToken))
        {
            db.Bidang.AddRange(DefaultBidang.Select(b => new Bidang { Name = b.Name, ShortName = b.ShortName }));
        }
        if (!await db.Holidays.AnyAsync(cancellationToken))
        {
            db.Holidays.AddRange(Holidays2026.All.Select(h => new Holiday { Date = h.Date, Name = h.Name, Kind = h.Kind }));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static string ReadSeed(string name)
    {
        using var stream = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream($"Portal.Data.Seed.{name}")
            ?? throw new InvalidOperationException($"Seed resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
