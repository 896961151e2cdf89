using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Operations.Backups;

/// <summary>
/// Takes one backup into its own sub-folder of the backup folder: an online, consistent copy of portal.db through
/// SQLite's backup API, the attachments no earlier backup has (into a folder all backups share), the
/// data-protection keys and a manifest; then checks the copy. The folder gets its final name only when complete.
/// On PostgreSQL the backup has the same form: one snapshot of the database is copied table by table into a new
/// portal.db at the same schema (<see cref="DatabaseCopier"/>), and the keys, kept in the database there, become the
/// files of keys/; a restore reads it back into PostgreSQL (or SQLite). Instances sharing the database take turns.
/// hangfire.db is left out on purpose: it holds only the job queue and schedules, which start-up registers again,
/// and an old queue restored would run stale jobs.
/// </summary>
public sealed class PortalBackup(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalDatabase database,
    BackupPaths paths,
    TimeProvider clock,
    OfficeTime officeTime,
    ILogger<PortalBackup> logger)
{
    private const string WorkPrefix = ".sementara-";
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public BackupPaths Paths => paths;

    public async Task<BackupManifest> TakeAsync(BackupReason reason, CancellationToken cancellationToken = default) =>
        await ExclusiveAsync(() => Task.Run(() => WriteBackupAsync(reason, cancellationToken), cancellationToken), cancellationToken);

    /// <summary>Runs work that must not overlap a backup (retention deleting shared attachment files), on this instance or another.</summary>
    private async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using (await database.BackupLockAsync(dbFactory, cancellationToken))
                return await work();
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Every backup with a readable manifest, newest first.</summary>
    public IReadOnlyList<BackupManifest> List()
    {
        if (!Directory.Exists(paths.BackupFolder)) return [];
        return Directory.EnumerateDirectories(paths.BackupFolder)
            .Where(folder => !Path.GetFileName(folder).StartsWith(WorkPrefix, StringComparison.Ordinal))
            .Where(folder => File.Exists(Path.Combine(folder, BackupPaths.ManifestFile)))
            // The folder's name is the id: a folder copied or renamed by hand is still listed (and pruned) as itself.
            .Select(folder => BackupManifest.Read(Path.Combine(folder, BackupPaths.ManifestFile)) is { } manifest ? manifest with { Id = Path.GetFileName(folder) } : null)
            .OfType<BackupManifest>()
            .OrderByDescending(m => m.TakenAt)
            .ThenByDescending(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Deletes the backups retention no longer keeps, then the shared attachment files no kept backup lists.
    /// The backup just taken always stays, even when the clock was set back. Returns the ids deleted.
    /// </summary>
    public Task<IReadOnlyList<string>> PruneAsync(int daily, int weekly, string justTaken, CancellationToken cancellationToken = default) =>
        ExclusiveAsync(() =>
        {
            var backups = List();
            var kept = BackupRetention.Kept(backups, daily, weekly, officeTime.Zone).Append(justTaken).ToHashSet(StringComparer.Ordinal);
            var removed = backups.Where(b => !kept.Contains(b.Id)).Select(b => b.Id).ToList();
            foreach (var id in removed) Directory.Delete(Path.Combine(paths.BackupFolder, id), recursive: true);

            var needed = backups.Where(b => kept.Contains(b.Id))
                .SelectMany(b => b.Attachments)
                .Select(a => Path.GetFullPath(Path.Combine(paths.SharedAttachments, a.StoredName)))
                .ToHashSet(StringComparer.Ordinal);
            var unneeded = Directory.Exists(paths.SharedAttachments)
                ? Directory.EnumerateFiles(paths.SharedAttachments, "*", SearchOption.AllDirectories).Where(f => !needed.Contains(Path.GetFullPath(f))).ToList()
                : [];
            foreach (var file in unneeded) File.Delete(file);
            if (removed.Count > 0)
                logger.LogInformation("Retention removed {Count} backups ({Ids}) and {Files} attachment files no backup needs", removed.Count, string.Join(", ", removed), unneeded.Count);
            return Task.FromResult<IReadOnlyList<string>>(removed);
        }, cancellationToken);

    private async Task<BackupManifest> WriteBackupAsync(BackupReason reason, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var takenAt = clock.GetUtcNow();
        Directory.CreateDirectory(paths.BackupFolder);
        var id = NewId(takenAt, reason);
        var work = Path.Combine(paths.BackupFolder, WorkPrefix + id);
        Directory.CreateDirectory(work);
        try
        {
            var copy = Path.Combine(work, BackupPaths.DatabaseFile);
            var keysFolder = Path.Combine(work, BackupPaths.KeysFolder);
            var (sourceCounts, keyFiles) = database.IsPostgreSql
                ? await CopyPostgreSqlAsync(copy, keysFolder, cancellationToken)
                : (CopyDatabase(copy), CopyKeys(keysFolder));
            cancellationToken.ThrowIfCancellationRequested();

            var problems = new List<string>();
            if (SqliteFileCheck.Problem(copy, sourceCounts) is { } databaseProblem) problems.Add(databaseProblem);
            var (schema, attachments) = ReadCopy(copy);
            var (newFiles, newBytes) = CopyNewAttachments(attachments, problems, cancellationToken);

            var manifest = new BackupManifest
            {
                Id = id,
                TakenAt = takenAt,
                Reason = reason,
                Schema = schema,
                DatabaseBytes = new FileInfo(copy).Length,
                AttachmentBytes = attachments.Sum(a => a.SizeBytes),
                NewAttachmentFiles = newFiles,
                NewAttachmentBytes = newBytes,
                DurationMilliseconds = (long)clock.GetElapsedTime(started).TotalMilliseconds,
                RowCounts = sourceCounts,
                Attachments = attachments,
                KeyFiles = keyFiles,
                Verified = problems.Count == 0,
                Problem = problems.Count == 0 ? null : string.Join(" ", problems.Take(5)),
            };
            manifest.Write(Path.Combine(work, BackupPaths.ManifestFile));
            Directory.Move(work, Path.Combine(paths.BackupFolder, id));

            if (manifest.Verified)
                logger.LogInformation("Backup {Id} ({Reason}) verified: database {DatabaseBytes} bytes, {Attachments} attachments ({NewFiles} new), {Milliseconds} ms",
                    id, reason, manifest.DatabaseBytes, attachments.Count, newFiles, manifest.DurationMilliseconds);
            else
                logger.LogError("Backup {Id} ({Reason}) failed verification: {Problem}", id, reason, manifest.Problem);
            return manifest;
        }
        catch
        {
            TryDelete(work);
            throw;
        }
    }

    /// <summary>Copies the live database inside one read transaction, so the counts are those of the copied snapshot.</summary>
    private Dictionary<string, long> CopyDatabase(string copy)
    {
        string connectionString;
        using (var db = dbFactory.CreateDbContext()) connectionString = db.Database.GetConnectionString()!;

        using var source = new SqliteConnection(connectionString);
        source.Open();
        using (var timeout = source.CreateCommand())
        {
            timeout.CommandText = "PRAGMA busy_timeout=30000;";
            timeout.ExecuteNonQuery();
        }
        Dictionary<string, long> counts;
        using (var snapshot = source.BeginTransaction(deferred: true))
        {
            counts = SqliteFileCheck.RowCounts(source);
            using var destination = SqliteFileCheck.Open(copy, readOnly: false);
            source.BackupDatabase(destination);
            // A single self-contained file: no -wal or -shm beside it, readable from a read-only share.
            using var journal = destination.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            journal.ExecuteNonQuery();
            snapshot.Commit();
        }
        return counts;
    }

    /// <summary>
    /// Copies one snapshot of the PostgreSQL database into a new SQLite file at the same schema: the schema of the last
    /// migration applied there, so a backup taken before an upgrade copies the tables as they still are. The expected
    /// counts are the snapshot's, and for EF's own tables (the migration history) what migrating the new file wrote.
    /// </summary>
    private async Task<(Dictionary<string, long> Counts, List<string> KeyFiles)> CopyPostgreSqlAsync(string copy, string keysFolder, CancellationToken cancellationToken)
    {
        await using var source = (PostgreSqlPortalDbContext)await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await PortalDatabase.SnapshotAsync(source.Database, cancellationToken);
        var schema = (await source.Database.GetAppliedMigrationsAsync(cancellationToken)).Last();

        await using var target = PortalDatabase.OpenSqliteFile(copy);
        var sqliteSchema = MigrationPairs.SqliteFor(schema, target.Database.GetMigrations())
            ?? throw new InvalidOperationException($"No SQLite migration of this build has the schema of PostgreSQL migration {schema}.");
        await target.GetService<IMigrator>().MigrateAsync(sqliteSchema, cancellationToken);
        await target.Database.OpenConnectionAsync(cancellationToken);
        var counts = SqliteFileCheck.RowCounts((SqliteConnection)target.Database.GetDbConnection());

        var report = await DatabaseCopier.CopyAsync(DatabaseCopier.Side.At(source, schema), DatabaseCopier.Side.At(target, sqliteSchema), cancellationToken);
        var keyFiles = await DataProtectionKeyFiles.ExportAsync(source, keysFolder, cancellationToken);
        // A single self-contained file, as the SQLite backup writes it.
        await target.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;", cancellationToken);

        foreach (var table in report.Tables) counts[table.Table] = table.SourceRows;
        return (counts, keyFiles);
    }

    private static (string Schema, List<BackupAttachment> Attachments) ReadCopy(string copy)
    {
        using var connection = SqliteFileCheck.Open(copy);
        var schema = SqliteFileCheck.AppliedMigrations(connection).LastOrDefault() ?? "";
        var attachments = new List<BackupAttachment>();
        if (!SqliteFileCheck.HasTable(connection, "Attachments")) return (schema, attachments);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT StoredName, SizeBytes, Sha256 FROM Attachments ORDER BY StoredName;";
        using var reader = command.ExecuteReader();
        while (reader.Read()) attachments.Add(new BackupAttachment(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return (schema, attachments);
    }

    /// <summary>Stored attachments never change, so a file already in the shared folder with the right size is kept as it is.</summary>
    private (int Files, long Bytes) CopyNewAttachments(List<BackupAttachment> attachments, List<string> problems, CancellationToken cancellationToken)
    {
        var files = 0;
        long bytes = 0;
        foreach (var attachment in attachments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(paths.SharedAttachments, attachment.StoredName);
            if (File.Exists(target) && new FileInfo(target).Length == attachment.SizeBytes) continue;

            var source = Path.Combine(paths.LiveAttachments, attachment.StoredName);
            if (!File.Exists(source))
            {
                problems.Add(BackupTexts.AttachmentMissing(attachment.StoredName));
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = target + ".sementara";
            var hash = CopyHashed(source, partial);
            if (!string.Equals(hash, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(partial);
                problems.Add(BackupTexts.AttachmentChanged(attachment.StoredName));
                continue;
            }
            File.Move(partial, target, overwrite: true);
            files++;
            bytes += attachment.SizeBytes;
        }
        return (files, bytes);
    }

    private List<string> CopyKeys(string target)
    {
        if (!Directory.Exists(paths.LiveKeys)) return [];
        Directory.CreateDirectory(target);
        var names = new List<string>();
        foreach (var key in Directory.EnumerateFiles(paths.LiveKeys).Order(StringComparer.Ordinal))
        {
            File.Copy(key, Path.Combine(target, Path.GetFileName(key)));
            names.Add(Path.GetFileName(key));
        }
        return names;
    }

    public static string CopyHashed(string source, string target)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var input = File.OpenRead(source))
        using (var output = File.Create(target))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
            output.Flush(flushToDisk: true);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Folder names sort by time and say when (office time) and why, e.g. 20261130-020000-terjadwal.</summary>
    private string NewId(DateTimeOffset takenAt, BackupReason reason)
    {
        var stem = $"{officeTime.ToLocal(takenAt):yyyyMMdd-HHmmss}-{BackupTexts.FolderWord(reason)}";
        var id = stem;
        for (var n = 2; Directory.Exists(Path.Combine(paths.BackupFolder, id)) || Directory.Exists(Path.Combine(paths.BackupFolder, WorkPrefix + id)); n++)
            id = $"{stem}-{n}";
        return id;
    }

    private void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not remove the unfinished backup folder {Folder}", folder);
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogWarning(ex, "Could not remove the unfinished backup folder {Folder}", folder);
        }
    }
}
