using Npgsql;
using Portal.Features.Operations.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// Which real PostgreSQL failures count as the storage refusing a write, each produced by a real server: a read-only
/// transaction (as on a standby) is unwritable, a server nobody listens for is unreachable; a broken rule is not a
/// storage failure (it keeps its own message). Disk full is produced for real in <see cref="PostgreSqlDiskFullTests"/>.
/// </summary>
public sealed class PostgreSqlStorageFailuresTests : IRunsOnPostgreSql
{
    [ProviderFact]
    public async Task A_write_the_server_takes_only_for_reading_is_unwritable()
    {
        await using var connection = await OpenAsync();
        // Temporary tables take writes even then; a table of the database does not.
        var exception = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, "BEGIN; SET TRANSACTION READ ONLY; CREATE TABLE portal_never_created (x integer);"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, exception.SqlState);
        Assert.Equal(StorageProblem.Unwritable, StorageFailures.Classify(new Microsoft.EntityFrameworkCore.DbUpdateException("wrapped", exception)));
    }

    [ProviderFact]
    public async Task A_broken_unique_rule_is_not_a_storage_failure()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "CREATE TEMP TABLE u (x integer PRIMARY KEY); INSERT INTO u VALUES (1);");
        var exception = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "INSERT INTO u VALUES (1);"));
        Assert.Null(StorageFailures.Classify(exception));
    }

    [Fact]
    public async Task A_server_nobody_listens_for_is_unreachable()
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={FreePorts.Next()};Username=postgres;Timeout=5");
        var exception = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        Assert.Equal(StorageProblem.Unreachable, StorageFailures.Classify(new InvalidOperationException("wrapped by EF's execution strategy", exception)));
        Assert.Equal("Server basis data tidak dapat dihubungi; hubungi administrator.", StorageFailures.MessageFor(StorageProblem.Unreachable));
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestPostgreSql.ServerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
