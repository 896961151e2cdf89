using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Operations.Backups;

/// <summary>
/// <c>Portal --pulihkan &lt;backup folder or its manifest.json&gt; [--data &lt;empty data folder&gt;]</c>: restores one backup
/// into an empty data folder before any web host starts. Everything is checked before anything is written; a refusal
/// says why in Indonesian, writes nothing and ends with a non-zero exit code.
/// With Database:Provider = PostgreSql the database goes into the (empty) PostgreSQL database of ConnectionStrings:Portal
/// instead: a copy of the backup's file is brought to this build's schema, then copied table by table
/// (<see cref="DatabaseCopier"/>), and its keys become rows; the attachments still go into the data folder.
/// </summary>
public static class RestoreCommand
{
    public const string Verb = "--pulihkan";
    public const string DataOption = "--data";

    public const int Restored = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    public static bool IsRequested(string[] args) => args.Contains(Verb, StringComparer.Ordinal);

    /// <summary>Runs the command with the data folder from the configuration unless <c>--data</c> names one.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        var backupArgument = ValueAfter(args, Verb);
        if (backupArgument is null || (args.Contains(DataOption, StringComparer.Ordinal) && ValueAfter(args, DataOption) is null))
        {
            output.WriteLine("Cara pakai: Portal --pulihkan <folder cadangan atau manifest.json> [--data <folder data kosong>]");
            return Usage;
        }
        var target = ValueAfter(args, DataOption) is { } data
            ? Path.GetFullPath(data)
            : DataRegistration.DataDirectory(configuration, environment);
        // No host runs yet: times are told in the zone the settings give the office.
        var zone = OfficeZone.FromId(configuration["Office:TimeZone"]) ?? OfficeZone.Wita;
        string? postgreSql = null;
        if ((configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider == DatabaseProvider.PostgreSql)
        {
            postgreSql = configuration.GetConnectionString("Portal");
            if (string.IsNullOrWhiteSpace(postgreSql))
            {
                output.WriteLine("Database:Provider = PostgreSql tetapi ConnectionStrings:Portal kosong: isi dengan basis data PostgreSQL tujuan pemulihan.");
                return Usage;
            }
        }
        return await RestoreAsync(Path.GetFullPath(backupArgument), target, output, zone, postgreSql);
    }

    /// <param name="postgreSqlConnectionString">The empty PostgreSQL database to restore into; null to restore portal.db into the data folder (SQLite).</param>
    public static async Task<int> RestoreAsync(string backupPath, string targetDataDirectory, TextWriter output, OfficeZone zone,
        string? postgreSqlConnectionString = null, CancellationToken cancellationToken = default)
    {
        var refusal = Check(backupPath, targetDataDirectory, out var folder, out var manifest);
        if (refusal is null && postgreSqlConnectionString is not null) refusal = await PostgreSqlRefusalAsync(postgreSqlConnectionString, cancellationToken);
        if (refusal is not null)
        {
            output.WriteLine($"Pemulihan ditolak: {refusal}");
            output.WriteLine("Tidak ada yang diubah.");
            return Refused;
        }

        var into = postgreSqlConnectionString is null ? targetDataDirectory : $"PostgreSQL {EmptyPostgreSqlTarget.Describe(postgreSqlConnectionString)} dan {targetDataDirectory}";
        output.WriteLine($"Memulihkan cadangan {manifest!.Id} ({zone.DateTimeText(manifest.TakenAt)}) ke {into} ...");
        var createdTarget = !Directory.Exists(targetDataDirectory);
        try
        {
            Copy(folder!, manifest, targetDataDirectory, intoFolder: postgreSqlConnectionString is null);
            if (postgreSqlConnectionString is not null) await CopyIntoPostgreSqlAsync(folder!, postgreSqlConnectionString, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or DatabaseCopyRefusedException
                                       || PortalDatabase.PostgreSqlFailure(ex) is not null)
        {
            Empty(targetDataDirectory, createdTarget);
            output.WriteLine($"Pemulihan gagal: {(PortalDatabase.PostgreSqlFailure(ex) is { } failure ? $"server PostgreSQL menolak atau tidak dapat dihubungi ({EmptyPostgreSqlTarget.Reason(failure)})." : ex.Message)}");
            output.WriteLine("Folder data tujuan dikosongkan lagi; tidak ada yang dipulihkan.");
            return Refused;
        }

        output.WriteLine($"Pemulihan selesai: {manifest.RowCount("Innovations")} inovasi, {manifest.RowCount("AuditEntries")} baris riwayat, " +
                         $"{manifest.Attachments.Count} lampiran, {manifest.KeyFiles.Count} kunci, skema {manifest.Schema}.");
        output.WriteLine(postgreSqlConnectionString is null
            ? "Jalankan portal dengan folder data ini (Portal:DataDirectory). Antrean tugas latar (hangfire.db) dibuat baru saat portal mulai."
            : "Jalankan portal dengan basis data PostgreSQL ini dan folder data ini (Portal:DataDirectory). Antrean tugas latar dibuat baru saat portal mulai.");
        return Restored;
    }

    private static async Task<string?> PostgreSqlRefusalAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var target = PortalDatabase.OpenPostgreSql(connectionString);
            return (await EmptyPostgreSqlTarget.ProblemAsync(target, cancellationToken))?.Indonesian;
        }
        catch (Exception ex) when (PortalDatabase.PostgreSqlFailure(ex) is { } failure)
        {
            return $"server PostgreSQL {EmptyPostgreSqlTarget.Describe(connectionString)} tidak dapat dihubungi atau menolak permintaan ({EmptyPostgreSqlTarget.Reason(failure)}).";
        }
    }

    /// <summary>
    /// The backup's file is copied aside and brought to this build's schema (a backup of an older portal is upgraded as the
    /// portal would at start), then copied into the migrated PostgreSQL database in one transaction; its keys become rows.
    /// </summary>
    private static async Task CopyIntoPostgreSqlAsync(string folder, string connectionString, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), $"portal-pulihkan-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(Path.Combine(folder, BackupPaths.DatabaseFile), work);
            await using var source = PortalDatabase.OpenSqliteFile(work);
            await source.Database.MigrateAsync(cancellationToken);
            await using var target = PortalDatabase.OpenPostgreSql(connectionString);
            await target.Database.MigrateAsync(cancellationToken);
            await DatabaseCopier.CopyAsync(DatabaseCopier.Side.Current(source), DatabaseCopier.Side.Current(target), cancellationToken);
            await DataProtectionKeyFiles.ImportAsync(target, Path.Combine(folder, BackupPaths.KeysFolder), cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(work);
        }
    }

    private static string? Check(string backupPath, string target, out string? folder, out BackupManifest? manifest)
    {
        folder = null;
        manifest = null;
        var manifestPath = File.Exists(backupPath) ? backupPath : Path.Combine(backupPath, BackupPaths.ManifestFile);
        if (!File.Exists(manifestPath)) return $"cadangan tidak ditemukan: tidak ada {BackupPaths.ManifestFile} di {backupPath}.";
        folder = Path.GetDirectoryName(manifestPath)!;
        manifest = BackupManifest.Read(manifestPath);
        if (manifest is null) return $"{BackupPaths.ManifestFile} rusak atau bukan manifest cadangan portal.";
        if (!manifest.Verified) return $"cadangan ini tidak lolos pemeriksaan saat dibuat ({manifest.Problem}). Pilih cadangan lain.";

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            return $"folder data tujuan {target} tidak kosong. Pemulihan hanya ke folder kosong: hentikan portal, pindahkan isi folder lama, lalu ulangi.";

        var database = Path.Combine(folder, BackupPaths.DatabaseFile);
        if (SqliteFileCheck.Problem(database, manifest.RowCounts) is { } problem) return $"basis data cadangan rusak. {problem}";

        var newer = NewerSchema(database);
        if (newer.Count > 0)
            return $"cadangan ini dibuat oleh versi portal yang lebih baru (skema {newer[^1]}); versi ini mengenal skema sampai {KnownMigrations()[^1]}. " +
                   "Pasang versi portal yang sama atau lebih baru, lalu pulihkan dengan versi itu.";

        var shared = SharedAttachments(folder);
        var missing = manifest.Attachments
            .Where(a => new FileInfo(Path.Combine(shared, a.StoredName)) is not { Exists: true } file || file.Length != a.SizeBytes)
            .ToList();
        if (missing.Count > 0)
            return $"{missing.Count} lampiran yang dibutuhkan cadangan ini tidak ada (atau ukurannya berbeda) di folder lampiran cadangan, mis. {missing[0].StoredName}.";
        return null;
    }

    /// <summary>Migrations applied to the backup that this build does not know: it was written by a newer portal.</summary>
    private static List<string> NewerSchema(string database)
    {
        using var connection = SqliteFileCheck.Open(database);
        return SqliteFileCheck.AppliedMigrations(connection).Except(KnownMigrations(), StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string> KnownMigrations()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().Order(StringComparer.Ordinal).ToList();
    }

    private static string SharedAttachments(string backupFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(backupFolder).TrimEnd(Path.DirectorySeparatorChar))!, BackupPaths.AttachmentsFolder);

    /// <param name="intoFolder">SQLite: the database and the keys go into the data folder too.</param>
    private static void Copy(string folder, BackupManifest manifest, string target, bool intoFolder)
    {
        DataFolder.CreatePrivate(target);
        if (intoFolder) File.Copy(Path.Combine(folder, BackupPaths.DatabaseFile), Path.Combine(target, BackupPaths.DatabaseFile));

        var shared = SharedAttachments(folder);
        foreach (var attachment in manifest.Attachments)
        {
            var destination = Path.Combine(target, BackupPaths.AttachmentsFolder, attachment.StoredName);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var hash = PortalBackup.CopyHashed(Path.Combine(shared, attachment.StoredName), destination);
            if (!string.Equals(hash, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"isi lampiran {attachment.StoredName} di cadangan tidak sama dengan SHA-256 yang tercatat.");
        }

        var keys = Path.Combine(folder, BackupPaths.KeysFolder);
        if (!intoFolder || !Directory.Exists(keys)) return;
        Directory.CreateDirectory(Path.Combine(target, BackupPaths.KeysFolder));
        foreach (var key in Directory.EnumerateFiles(keys))
            File.Copy(key, Path.Combine(target, BackupPaths.KeysFolder, Path.GetFileName(key)));
    }

    private static void Empty(string target, bool createdTarget)
    {
        if (!Directory.Exists(target)) return;
        if (createdTarget)
        {
            Directory.Delete(target, recursive: true);
            return;
        }
        foreach (var entry in new DirectoryInfo(target).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
            else entry.Delete();
        }
    }

    private static string? ValueAfter(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[index + 1] : null;
    }
}
