using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Portal.Data;
using Portal.Features.Operations.Faults;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// A PostgreSQL disk that really fills up: the audit trail is moved to a tablespace on a 4 MiB tmpfs, which a filler
/// table then fills until the server answers 53100 disk_full. Creates are refused with the Indonesian message and store
/// nothing; once the filler is dropped they succeed again without a restart.
/// </summary>
public sealed class PostgreSqlDiskFullTests : IRunsOnPostgreSql
{
    private const int MaxWritesUntilFull = 400;

    [PostgreSqlDiskFact]
    public async Task On_a_full_PostgreSQL_disk_a_create_is_refused_in_words_stores_nothing_and_succeeds_once_space_is_freed()
    {
        using var disk = Tmpfs.Mount(megabytes: 4, at: Path.Combine("/tmp", $"portal-pg-disk-{Guid.NewGuid():N}"));
        var tablespace = $"portal_small_{Guid.NewGuid():N}";
        ChangeOwner(disk.Folder, ServerAccount());
        await ServerAsync($"CREATE TABLESPACE {tablespace} LOCATION '{disk.Folder}'");
        try
        {
            await using (var app = new PortalAppFactory(provider: DatabaseProvider.PostgreSql, settings: new Dictionary<string, string?> { ["Alerts:RunServer"] = "false" }))
            {
                var workflow = app.Get<WorkflowService>();
                var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
                var database = app.Get<IConfiguration>().GetConnectionString("Portal")!;
                await ExecuteAsync(database, $"ALTER TABLE \"AuditEntries\" SET TABLESPACE {tablespace}");
                await ExecuteAsync(database, $"CREATE TABLE filler (x text) TABLESPACE {tablespace}");
                var full = await Assert.ThrowsAsync<PostgresException>(() =>
                    ExecuteAsync(database, "INSERT INTO filler SELECT repeat('x', 1900) FROM generate_series(1, 1000000)"));
                Assert.Equal(PostgresErrorCodes.DiskFull, full.SqlState);
                var (innovations, audits) = await CountsAsync(app);

                var (created, refused) = await FillingCreates.UntilRefusedAsync(workflow, fungsional, MaxWritesUntilFull);

                Assert.NotNull(refused);
                Assert.Equal(StorageFailures.FullMessage, refused.Message);
                Assert.Equal((innovations + created, audits + created), await CountsAsync(app));
                Assert.True(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Full));

                await ExecuteAsync(database, "DROP TABLE filler");
                var again = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi setelah ruang tersedia"), fungsional);
                Assert.True(again.Succeeded, again.Message);
                Assert.Equal((innovations + created + 1, audits + created + 1), await CountsAsync(app));
                Assert.False(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Full));
            }
        }
        finally
        {
            await ServerAsync($"DROP TABLESPACE IF EXISTS {tablespace}");
        }
    }

    private static async Task<(int Innovations, int Audits)> CountsAsync(PortalAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Innovations.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private static Task ServerAsync(string sql) => ExecuteAsync(TestPostgreSql.ServerConnectionString!, sql);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The operating-system account the PostgreSQL server runs as: the owner of its data directory.</summary>
    private static string ServerAccount()
    {
        using var connection = new NpgsqlConnection(TestPostgreSql.ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SHOW data_directory", connection);
        return Run("stat", "-c", "%U", (string)command.ExecuteScalar()!).Trim();
    }

    private static void ChangeOwner(string folder, string account) => Run("chown", account, folder);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}

/// <summary>
/// Needs a PostgreSQL server on this machine (its tablespace goes on a tmpfs the test mounts) and root to mount: skipped
/// with the reason otherwise, except with CI=true when the server is missing.
/// </summary>
public sealed class PostgreSqlDiskFactAttribute : FactAttribute
{
    public PostgreSqlDiskFactAttribute()
    {
        if (!TestPostgreSql.IsAvailable && !ExternalTools.IsCi) Skip = TestPostgreSql.SkipReason;
        else if (Tmpfs.Unavailable.Value is { } reason) Skip = $"{reason}; uji disk PostgreSQL yang penuh dilewati.";
        else if (TestPostgreSql.IsAvailable && new NpgsqlConnectionStringBuilder(TestPostgreSql.ServerConnectionString).Host is not ("127.0.0.1" or "localhost" or "::1"))
            Skip = "Server PostgreSQL uji tidak di mesin ini; tablespace di tmpfs tidak dapat dibuat. Uji dilewati.";
    }
}
