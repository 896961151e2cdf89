using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Operations.Backups;

namespace Portal.Data;

/// <summary>
/// Brings a database up to date on start-up: a backup before migrating a database that has data, migrations, WAL,
/// the SOP v1, bidang, holidays and roles.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    RoleManager<IdentityRole> roles,
    PortalBackup backup,
    PortalDatabase database,
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
        await BackUpBeforeMigratingAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await database.AfterMigrationAsync(db, cancellationToken);

        if (!await db.SopDefinitions.AnyAsync(cancellationToken))
        {
            var sop = SopJson.Parse(ReadSeed("sop-inovasi-pelayanan.json"), version: 1);
            var innovationSop = new Sop
            {
                Slug = "inovasi-pelayanan", Title = sop.Header.Judul, RecordKind = SopRecordKind.InovasiPelayanan, CreatedAt = clock.GetUtcNow(),
            };
            db.Sops.Add(innovationSop);
            await db.SaveChangesAsync(cancellationToken);
            db.SopDefinitions.Add(SopDefinition.From(innovationSop.Id, sop, "Versi awal dari dokumen SOP yang disahkan.", clock.GetUtcNow(), "Sistem"));
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

    /// <summary>An upgrade that goes wrong can be undone: no migration touches existing data without a verified backup first.</summary>
    private async Task BackUpBeforeMigratingAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0 || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()) return;

        logger.LogInformation("Taking a backup before applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        BackupManifest manifest;
        try
        {
            manifest = await backup.TakeAsync(BackupReason.BeforeUpgrade, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or DatabaseCopyRefusedException
                                       || PortalDatabase.PostgreSqlFailure(ex) is not null)
        {
            throw new InvalidOperationException($"Pembaruan basis data dibatalkan, tidak ada yang diubah. {BackupTexts.FailureMessage(ex)}", ex);
        }
        if (!manifest.Verified)
            throw new InvalidOperationException(
                $"Pembaruan basis data dibatalkan: cadangan sebelum pembaruan ({manifest.Id}) tidak lolos pemeriksaan: {manifest.Problem}");
        logger.LogInformation("Backup {Id} of schema {Schema} taken and verified before the upgrade; migrating now", manifest.Id, manifest.Schema);
    }

    private static string ReadSeed(string name)
    {
        using var stream = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream($"Portal.Data.Seed.{name}")
            ?? throw new InvalidOperationException($"Seed resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
