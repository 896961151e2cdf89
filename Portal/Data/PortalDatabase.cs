using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// What differs between the two database engines, in one place: the rest of the portal asks here instead of
/// writing SQL for one engine.
/// </summary>
public sealed class PortalDatabase(IOptions<DatabaseOptions> options)
{
    public DatabaseProvider Provider => options.Value.Provider;

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>After migrating: SQLite's write-ahead log (persistent, set once); PostgreSQL needs nothing.</summary>
    public Task AfterMigrationAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        IsPostgreSql ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>
    /// Inside a write transaction: true when the innovation still has the version the writer read. SQLite's immediate
    /// transaction already holds the database's write lock; on PostgreSQL the row is locked (FOR UPDATE) until the
    /// commit, so a second writer, on this instance or another, waits and then sees the new version.
    /// </summary>
    public async Task<bool> HoldsVersionAsync(PortalDbContext db, int innovationId, long readVersion, CancellationToken cancellationToken)
    {
        if (!IsPostgreSql) return await db.Innovations.AnyAsync(i => i.Id == innovationId && i.Version == readVersion, cancellationToken);
        var versions = await db.Database
            .SqlQuery<long>($"SELECT \"Version\" AS \"Value\" FROM \"Innovations\" WHERE \"Id\" = {innovationId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return versions is [var version] && version == readVersion;
    }

    /// <summary>
    /// Held while an instance migrates and seeds: two instances started together on one PostgreSQL would otherwise both
    /// find the database empty and both seed it. SQLite serves one process, which needs no lock.
    /// </summary>
    public Task<IAsyncDisposable> StartUpLockAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken cancellationToken) =>
        LockAsync(dbFactory, StartUpLockKey, cancellationToken);

    /// <summary>Held while a backup is taken or pruned, so two instances never write one backup folder at once.</summary>
    public Task<IAsyncDisposable> BackupLockAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken cancellationToken) =>
        LockAsync(dbFactory, BackupLockKey, cancellationToken);

    /// <summary>A session advisory lock on PostgreSQL, held until disposed; nothing on SQLite (one process).</summary>
    private async Task<IAsyncDisposable> LockAsync(IDbContextFactory<PortalDbContext> dbFactory, long key, CancellationToken cancellationToken)
    {
        if (!IsPostgreSql) return NoLock.Instance;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return new AdvisoryLock(db, $"SELECT pg_advisory_unlock({key})");
    }

    private const long StartUpLockKey = 7_200_512_024;
    private const long BackupLockKey = 7_200_512_025;

    /// <summary>
    /// Held while a background job runs, so that one job runs at a time across every instance of the portal: a second
    /// run waits for the first to finish. On PostgreSQL an advisory lock on a connection of its own, which the server
    /// releases at once if the instance holding it dies; SQLite serves one process, where a lock in memory is enough.
    /// </summary>
    public async Task<IAsyncDisposable> JobLockAsync(IDbContextFactory<PortalDbContext> dbFactory, string job, CancellationToken cancellationToken)
    {
        if (!IsPostgreSql)
        {
            var turn = localJobLocks.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
            await turn.WaitAsync(cancellationToken);
            return new LocalLock(turn);
        }
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var key = AdvisoryKey(job);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({JobLockClass}, {key})", cancellationToken);
            return new AdvisoryLock(db, $"SELECT pg_advisory_unlock({JobLockClass}, {key})");
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Counts this instance in a group of running instances (e.g. those that run background jobs) until the returned
    /// membership is disposed, and tells whether it is the first: no other member was running when it joined. Two
    /// instances that join at once never both find themselves first. SQLite serves one process, which is always the first.
    /// </summary>
    public async Task<InstanceMembership> JoinAsync(IDbContextFactory<PortalDbContext> dbFactory, string group, CancellationToken cancellationToken)
    {
        if (!IsPostgreSql) return new InstanceMembership(First: true, NoLock.Instance);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var key = AdvisoryKey(group);
            // Every member holds the group's key shared, for as long as it runs (the server drops it with a dead instance's
            // connection); only an instance that finds no member can take it exclusively for a moment.
            var first = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({MembershipClass}, {key}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock_shared({MembershipClass}, {key})", cancellationToken);
            if (first) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MembershipClass}, {key})", cancellationToken);
            return new InstanceMembership(first, new AdvisoryLock(db, $"SELECT pg_advisory_unlock_shared({MembershipClass}, {key})"));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Inserts the notifications that do not exist yet (a run's level and recipient already notified is skipped by the
    /// unique key) in one transaction; returns the recipient of each one inserted. The first scan of a large office makes
    /// tens of thousands at once: PostgreSQL takes them in one statement of column arrays (a round trip per row made that
    /// scan take a minute), SQLite row by row through one prepared statement.
    /// </summary>
    public async Task<List<string>> InsertAbsentNotificationsAsync(PortalDbContext db, IReadOnlyList<Notification> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        // In the unique key's order: two inserts that meet (a scan that outlived its job lock) wait for each other, never deadlock.
        rows = rows.OrderBy(n => n.StepRunId).ThenBy(n => n.Level.ToString(), StringComparer.Ordinal).ThenBy(n => n.RecipientId, StringComparer.Ordinal).ToList();
        if (IsPostgreSql)
        {
            var (recipients, innovations, stepRuns, levels, onBehalfOf, titles, messages, createdAt, emailTo) = (
                rows.Select(n => n.RecipientId).ToArray(), rows.Select(n => n.InnovationId).ToArray(), rows.Select(n => n.StepRunId).ToArray(),
                rows.Select(n => n.Level.ToString()).ToArray(), rows.Select(n => n.OnBehalfOf).ToArray(), rows.Select(n => n.Title).ToArray(),
                rows.Select(n => n.Message).ToArray(), rows.Select(n => n.CreatedAt.UtcDateTime).ToArray(), rows.Select(n => n.EmailTo).ToArray());
            return await db.Database.SqlQuery<string>($"""
                INSERT INTO "Notifications" ("RecipientId", "InnovationId", "StepRunId", "Level", "OnBehalfOf", "Title", "Message", "CreatedAt", "EmailTo")
                SELECT * FROM unnest({recipients}, {innovations}, {stepRuns}, {levels}, {onBehalfOf}, {titles}, {messages}, {createdAt}, {emailTo})
                ON CONFLICT ("StepRunId", "Level", "RecipientId") DO NOTHING RETURNING "RecipientId" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        // SQLite runs in this process: one prepared statement executed per row costs no round trip (many rows a statement
        // would be slower here, binding thousands of named parameters).
        var inserted = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO "Notifications" ("RecipientId", "InnovationId", "StepRunId", "Level", "OnBehalfOf", "Title", "Message", "CreatedAt", "EmailTo")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
            ON CONFLICT ("StepRunId", "Level", "RecipientId") DO NOTHING RETURNING "RecipientId"
            """;
        for (var i = 0; i < 9; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            insert.Parameters.Add(parameter);
        }
        await insert.PrepareAsync(cancellationToken);
        foreach (var n in rows)
        {
            object?[] values = [n.RecipientId, n.InnovationId, n.StepRunId, n.Level.ToString(), n.OnBehalfOf, n.Title, n.Message, n.CreatedAt.UtcDateTime, n.EmailTo];
            for (var i = 0; i < values.Length; i++) insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (await insert.ExecuteScalarAsync(cancellationToken) is string recipient) inserted.Add(recipient);
        }
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    // Two-key advisory locks: a key space apart from the start-up lock's single key.
    private const int JobLockClass = 7_200_512;
    private const int MembershipClass = 7_200_513;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> localJobLocks = new(StringComparer.Ordinal);

    /// <summary>The same number for the same name on every instance and every run (string.GetHashCode differs per process).</summary>
    private static int AdvisoryKey(string name) => BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class LocalLock(SemaphoreSlim turn) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            turn.Release();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AdvisoryLock(PortalDbContext db, FormattableString unlock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // A pooled connection keeps a session lock: release it before the connection goes back to the pool.
                await db.Database.ExecuteSqlAsync(unlock);
            }
            finally
            {
                await db.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The PostgreSQL server's failure behind an exception, if any: EF's execution strategy wraps a transient one (a
    /// connection refused or broken) in an InvalidOperationException.
    /// </summary>
    public static Npgsql.NpgsqlException? PostgreSqlFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            if (current is Npgsql.NpgsqlException npgsql) return npgsql;
        return null;
    }

    /// <summary>The portal's options on SQLite, for the web host and for files opened by commands and backups alike.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString)
        // SQLite rebuilds a table to change a column outside a transaction; start-up backs the database up before
        // it migrates, so that note is information for the log, not a warning to the operator.
        .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));

    /// <summary>A SQLite portal database file outside the web host (a backup, a restore, the move to PostgreSQL), never pooled.</summary>
    public static PortalDbContext OpenSqliteFile(string path) =>
        new((DbContextOptions<PortalDbContext>)ConfigureSqlite(new DbContextOptionsBuilder<PortalDbContext>(),
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString()).Options);

    /// <summary>A PostgreSQL portal database outside the web host (the move to PostgreSQL, a restore).</summary>
    public static PostgreSqlPortalDbContext OpenPostgreSql(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>
    /// Starts a read of one consistent moment on this context, ended when the result is disposed: on PostgreSQL a
    /// REPEATABLE READ, read-only transaction; on SQLite a deferred transaction, which reads one snapshot of the
    /// write-ahead log without taking the write lock, so the portal keeps saving meanwhile.
    /// </summary>
    public static async Task<IAsyncDisposable> SnapshotAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.IsNpgsql())
        {
            var transaction = await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
            return transaction;
        }
        await database.OpenConnectionAsync(cancellationToken);
        var sqlite = ((SqliteConnection)database.GetDbConnection()).BeginTransaction(deferred: true);
        await database.UseTransactionAsync(sqlite, cancellationToken);
        return new SqliteSnapshot(database, sqlite);
    }

    private sealed class SqliteSnapshot(DatabaseFacade database, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// After rows were inserted with their own ids: PostgreSQL's identity sequence of each integer key continues after the
    /// largest id copied (else the next insert would collide with a copied row). SQLite's AUTOINCREMENT already follows
    /// the largest id ever inserted.
    /// </summary>
    public static async Task ContinueIdentitiesAsync(DatabaseFacade database, string delimitedTable, string keyColumn, string delimitedKeyColumn,
        CancellationToken cancellationToken)
    {
        if (!database.IsNpgsql()) return;
        // pg_get_serial_sequence is null for a key that is not an identity (setval of null is then null, not an error).
        // The names are the model's own, delimited by the provider; the values are parameters.
        var sql = $"SELECT setval(pg_get_serial_sequence({{0}}, {{1}}), MAX({delimitedKeyColumn})) FROM {delimitedTable} HAVING MAX({delimitedKeyColumn}) IS NOT NULL";
        await database.ExecuteSqlRawAsync(sql, [delimitedTable, keyColumn], cancellationToken);
    }
}

/// <summary>This instance's place in a group of running instances (<see cref="PortalDatabase.JoinAsync"/>); dispose to leave.</summary>
/// <param name="First">No other member was running when this instance joined.</param>
public sealed record InstanceMembership(bool First, IAsyncDisposable Held) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Held.DisposeAsync();
}
