using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Alerts;
using Portal.Features.Operations.Backups;
using Portal.Features.Operations.MoveToPostgreSql;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.MoveToPostgreSql;

/// <summary>
/// The documented move from SQLite to PostgreSQL, on the demo portal (seeded on SQLite) and real, fresh PostgreSQL
/// databases: run as the operator runs it, it copies every row, a portal then runs on PostgreSQL with the same board and
/// the same accounts; it refuses a target with data, a SQLite database not at this version's schema, text PostgreSQL
/// would not take, and a server it cannot reach, and then leaves the target as it was.
/// </summary>
public sealed partial class MoveToPostgreSqlTests(MoveToPostgreSqlTests.SqlitePortal source) : IClassFixture<MoveToPostgreSqlTests.SqlitePortal>, IRunsOnPostgreSql, IDisposable
{
    /// <summary>The demo portal on SQLite, with no job server: nothing writes to it while a test copies and compares.</summary>
    public sealed class SqlitePortal() : PortalAppFactory(settings: new Dictionary<string, string?> { ["Alerts:RunServer"] = "false" });

    private readonly List<string> databases = [];
    private readonly string scratch = PortalAppFactory.NewDataDirectory();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var database in databases) TestPostgreSql.DropDatabase(database);
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    }

    [ProviderFact]
    public async Task The_command_copies_the_demo_portal_into_an_empty_PostgreSQL_database_prints_equal_counts_and_a_portal_runs_there()
    {
        // Alerts too: the overdue scan writes them (it runs here, not behind the test's back).
        await source.Get<OverdueScanJob>().RunAsync(CancellationToken.None);
        var target = NewDatabase();

        var (exitCode, output) = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__Portal"] = target },
            MoveToPostgreSqlCommand.Verb, source.DataDirectory);

        Assert.True(exitCode == MoveToPostgreSqlCommand.Moved, output);
        Assert.Contains("Pemindahan selesai", output);
        Dictionary<string, long> sqliteCounts;
        using (var sqlite = SqliteFileCheck.Open(Path.Combine(source.DataDirectory, "portal.db")))
            sqliteCounts = SqliteFileCheck.RowCounts(sqlite).Where(t => !t.Key.StartsWith("__EFMigrations", StringComparison.Ordinal)).ToDictionary();
        Assert.True(sqliteCounts["Innovations"] > 0 && sqliteCounts["AuditEntries"] > 0 && sqliteCounts["Attachments"] > 0 && sqliteCounts["Notifications"] > 0);
        foreach (var (table, rows) in sqliteCounts)
            Assert.Matches(new Regex($@"^\s+{table}\s+{rows}\s+{rows}\s*$", RegexOptions.Multiline), output);

        await using (var sqlite = source.CreateDbContext())
        await using (var postgreSql = PortalDatabase.OpenPostgreSql(target))
            Assert.Empty(PortalDataDigest.Differences(PortalDataDigest.Of(sqlite), PortalDataDigest.Of(postgreSql)));

        await using var moved = new PortalAppFactory(settings: OnPostgreSql(target));
        using var there = await moved.SignedInClientAsync(DemoPeople.FungsionalPdip);
        using var here = await source.SignedInClientAsync(DemoPeople.FungsionalPdip);
        var boardThere = await (await there.GetAsync("/")).HtmlAsync();
        Assert.Contains("Dukcapil Goes to School", boardThere);
        Assert.NotEmpty(Cards(boardThere));
        Assert.Equal(Cards(await (await here.GetAsync("/")).HtmlAsync()), Cards(boardThere));

        // New rows continue after the copied ids.
        var created = await moved.Get<Portal.Features.Workflow.WorkflowService>()
            .CreateAsync(WorkflowServiceTests.Details("Inovasi pertama di PostgreSQL"), await moved.IdAsync(DemoPeople.FungsionalPdip));
        Assert.True(created.Succeeded, created.Message);
        Assert.True(created.InnovationId > sqliteCounts["Innovations"]);
    }

    [ProviderFact]
    public async Task A_target_that_is_not_empty_is_refused_with_a_non_zero_exit_code_and_left_as_it_was()
    {
        var target = NewDatabase();
        Assert.Equal(MoveToPostgreSqlCommand.Moved, await MoveToPostgreSqlCommand.MoveAsync(source.DataDirectory, target, new StringWriter()));
        SortedDictionary<string, string> before;
        await using (var postgreSql = PortalDatabase.OpenPostgreSql(target))
            before = PortalDataDigest.Of(postgreSql);

        var (exitCode, output) = await PortalProcess.RunAsync(MoveToPostgreSqlCommand.Verb, source.DataDirectory, MoveToPostgreSqlCommand.TargetOption, target);

        Assert.Equal(MoveToPostgreSqlCommand.Refused, exitCode);
        Assert.Contains("Pemindahan ditolak: basis data tujuan tidak kosong: ", output);
        Assert.Contains("Refused: The target database is not empty.", output);
        await using (var postgreSql = PortalDatabase.OpenPostgreSql(target))
            Assert.Empty(PortalDataDigest.Differences(before, PortalDataDigest.Of(postgreSql)));
    }

    [ProviderFact]
    public async Task A_SQLite_database_not_at_this_versions_schema_is_refused_and_the_target_is_not_touched()
    {
        var copy = await CopyOfSourceAsync();
        await ExecuteAsync(copy, $"DELETE FROM \"{SqliteFileCheck.MigrationsTable}\" WHERE MigrationId = (SELECT MAX(MigrationId) FROM \"{SqliteFileCheck.MigrationsTable}\");");
        var target = NewDatabase();
        var output = new StringWriter();

        Assert.Equal(MoveToPostgreSqlCommand.Refused, await MoveToPostgreSqlCommand.MoveAsync(copy, target, output));

        Assert.Contains("skema basis data SQLite belum terbaru", output.ToString());
        Assert.Contains("Jalankan portal versi ini sekali pada folder data itu", output.ToString());
        await using var postgreSql = PortalDatabase.OpenPostgreSql(target);
        Assert.Empty(await postgreSql.Database.GetAppliedMigrationsAsync());
    }

    [ProviderFact]
    public async Task Text_longer_than_a_PostgreSQL_column_takes_is_refused_by_name_and_no_row_is_kept()
    {
        var copy = await CopyOfSourceAsync();
        await ExecuteAsync(copy, $"UPDATE Innovations SET Title = '{new string('x', 201)}' WHERE Id = (SELECT MIN(Id) FROM Innovations);");
        var target = NewDatabase();
        var output = new StringWriter();

        Assert.Equal(MoveToPostgreSqlCommand.Refused, await MoveToPostgreSqlCommand.MoveAsync(copy, target, output));

        Assert.Contains("Innovations.Title: 1 baris lebih panjang dari 200 karakter", output.ToString());
        await using var postgreSql = PortalDatabase.OpenPostgreSql(target);
        Assert.Empty(await DatabaseCopier.TablesWithRowsAsync(postgreSql));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_refused_in_words()
    {
        var output = new StringWriter();
        var nowhere = $"Host=127.0.0.1;Port={FreePorts.Next()};Username=postgres;Database=portal_tidak_ada;Timeout=5";

        Assert.Equal(MoveToPostgreSqlCommand.Refused, await MoveToPostgreSqlCommand.MoveAsync(source.DataDirectory, nowhere, output));

        Assert.Contains("Pemindahan ditolak: server PostgreSQL 127.0.0.1:", output.ToString());
        Assert.Contains("tidak dapat dihubungi", output.ToString());
        Assert.DoesNotContain("   at ", output.ToString());
    }

    private string NewDatabase()
    {
        var database = TestPostgreSql.CreateDatabase();
        databases.Add(database);
        return database;
    }

    private static Dictionary<string, string?> OnPostgreSql(string connectionString) => new()
    {
        ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
        ["ConnectionStrings:Portal"] = connectionString,
        // Everything comes from the copy: nothing is seeded and no job writes behind the test's back.
        ["Portal:SeedDemoData"] = "false",
        ["Alerts:RunServer"] = "false",
    };

    /// <summary>The cards of a board page, by item id.</summary>
    private static SortedSet<string> Cards(string board) => new(CardId().Matches(board).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    [GeneratedRegex("data-testid=\"card-(\\d+)\"")]
    private static partial Regex CardId();

    /// <summary>A copy of the demo portal's database (SQLite's backup API) that a test may change.</summary>
    private async Task<string> CopyOfSourceAsync()
    {
        Directory.CreateDirectory(scratch);
        var copy = Path.Combine(scratch, $"{Guid.NewGuid():N}.db");
        await using var from = new SqliteConnection($"Data Source={Path.Combine(source.DataDirectory, "portal.db")};Pooling=False");
        await using var to = new SqliteConnection($"Data Source={copy};Pooling=False");
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
        return copy;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
