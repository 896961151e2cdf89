using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Portal.Data;
using Portal.Features.Operations.Faults;

namespace Portal.Features.Operations.Health;

/// <summary>
/// The database health check on PostgreSQL: the server answers and takes a write. A table is created and a row written
/// (which makes the server extend a file on its disk) inside a transaction that is rolled back, waiting for locks and
/// answers no longer than the check's timeout.
/// </summary>
public static class PostgreSqlWriteProbe
{
    private const string ProbeSql = "CREATE TABLE \"__portal_health_probe\" (\"Id\" integer); INSERT INTO \"__portal_health_probe\" VALUES (1);";

    public static async Task<HealthCheckResult> CheckAsync(PortalDbContext db, string title, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (PortalDatabase.PostgreSqlFailure(ex) is not null)
        {
            logger.LogError(ex, "Health check: the PostgreSQL server could not be reached");
            return HealthTexts.Result(HealthStatus.Unhealthy, title, Unreachable);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Both settings end with the transaction.
            var probe = $"SET LOCAL lock_timeout = {(int)timeout.TotalMilliseconds}; SET LOCAL statement_timeout = {(int)timeout.TotalMilliseconds}; {ProbeSql}";
            await db.Database.ExecuteSqlRawAsync(probe, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthTexts.Result(HealthStatus.Healthy, title, "Basis data dapat dibaca dan ditulis.");
        }
        catch (Exception ex) when (PortalDatabase.PostgreSqlFailure(ex) is { } failure)
        {
            logger.LogError(ex, "Health check: the PostgreSQL database is not writable");
            return HealthTexts.Result(HealthStatus.Unhealthy, title, NotWritable(failure, timeout));
        }
    }

    public const string Unreachable = "Server basis data PostgreSQL tidak dapat dihubungi: portal tidak dapat membaca atau menyimpan data.";

    private static string NotWritable(NpgsqlException exception, TimeSpan timeout) => exception switch
    {
        // lock_not_available, query_canceled (the statement timeout).
        PostgresException { SqlState: "55P03" or "57014" } =>
            $"Basis data terkunci atau tidak menjawab lebih dari {timeout.TotalSeconds:0} detik: perubahan data tertahan.",
        _ => StorageFailures.Classify(exception) switch
        {
            StorageProblem.Full => "Basis data tidak dapat ditulis: penyimpanan server basis data penuh.",
            StorageProblem.Unwritable => "Basis data hanya dapat dibaca: server PostgreSQL menolak penulisan (mode baca saja atau galat disk).",
            StorageProblem.Unreachable => Unreachable,
            _ => "Basis data tidak dapat ditulis; rinciannya ada di log server.",
        },
    };
}
