using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Operations.Health;

/// <summary>
/// The database opens and takes a write: a table is created and a row written inside a transaction that is
/// rolled back, so nothing stays behind. This needs the write lock, a writable file and room for the change.
/// On PostgreSQL the same is asked of the server by <see cref="PostgreSqlWriteProbe"/>.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory, PortalDatabase database, IOptions<HealthOptions> options,
    ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public const string Name = "basis-data";
    private const string Title = "Basis data";
    private const string ProbeSql = "CREATE TABLE __portal_health_probe (Id INTEGER); INSERT INTO __portal_health_probe VALUES (1);";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (database.IsPostgreSql) return await PostgreSqlWriteProbe.CheckAsync(db, Title, options.Value.DatabaseTimeout, logger, cancellationToken);
        SqliteConnection connection;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            connection = (SqliteConnection)db.Database.GetDbConnection();
        }
        catch (SqliteException ex)
        {
            logger.LogError(ex, "Health check: the database could not be opened");
            return HealthTexts.Result(HealthStatus.Unhealthy, Title, "Basis data tidak dapat dibuka.");
        }

        var timeout = options.Value.DatabaseTimeout;
        try
        {
            // Wait for the write lock only this long (the pragma interceptor restores the usual wait at the next open).
            connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout={(int)timeout.TotalMilliseconds};", cancellationToken);
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
            {
                await ExecuteAsync(connection, transaction, ProbeSql, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
            }
            return HealthTexts.Result(HealthStatus.Healthy, Title, "Basis data dapat dibaca dan ditulis.");
        }
        catch (SqliteException ex)
        {
            logger.LogError(ex, "Health check: the database is not writable");
            return HealthTexts.Result(HealthStatus.Unhealthy, Title, NotWritable(ex.SqliteErrorCode, timeout));
        }
    }

    private static string NotWritable(int sqliteErrorCode, TimeSpan timeout) => (sqliteErrorCode & 0xFF) switch
    {
        SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED =>
            $"Basis data terkunci lebih dari {timeout.TotalSeconds:0} detik: perubahan data tertahan.",
        SQLitePCL.raw.SQLITE_FULL => "Basis data tidak dapat ditulis: penyimpanan server penuh.",
        SQLitePCL.raw.SQLITE_READONLY => "Basis data hanya dapat dibaca: berkasnya tidak dapat ditulis.",
        _ => "Basis data tidak dapat ditulis; rinciannya ada di log server.",
    };

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
