using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    public async Task<IAsyncDisposable> StartUpLockAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (!IsPostgreSql) return NoLock.Instance;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartUpLockKey})", cancellationToken);
        return new AdvisoryLock(db);
    }

    private const long StartUpLockKey = 7_200_512_024;

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class AdvisoryLock(PortalDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // A pooled connection keeps a session lock: release it before the connection goes back to the pool.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartUpLockKey})");
            await db.DisposeAsync();
        }
    }
}
