using Microsoft.Data.Sqlite;
using Portal.Features.Operations.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// Which real failures count as the storage refusing a write, each produced for real (SQLite files, a tmpfs): a full or
/// read-only store does; a broken rule or a missing file does not (those keep their own messages).
/// </summary>
public sealed class StorageFailuresTests : IDisposable
{
    private readonly string folder = PortalAppFactory.NewDataDirectory();

    public StorageFailuresTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_database_at_its_page_limit_is_full()
    {
        using var connection = Open("Mode=ReadWriteCreate");
        Execute(connection, "CREATE TABLE t (x TEXT); PRAGMA max_page_count = 2;");
        var exception = Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO t SELECT hex(randomblob(2000)) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3);"));
        Assert.Equal(StorageProblem.Full, StorageFailures.Classify(new Microsoft.EntityFrameworkCore.DbUpdateException("wrapped", exception)));
    }

    [Fact]
    public void A_database_opened_read_only_is_unwritable()
    {
        using (var create = Open("Mode=ReadWriteCreate")) Execute(create, "CREATE TABLE t (x TEXT);");
        using var connection = Open("Mode=ReadOnly");
        var exception = Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES ('a');"));
        Assert.Equal(StorageProblem.Unwritable, StorageFailures.Classify(exception));
    }

    [Fact]
    public void A_broken_rule_or_a_missing_file_is_not_a_storage_failure()
    {
        using var connection = Open("Mode=ReadWriteCreate");
        Execute(connection, "CREATE TABLE t (x TEXT UNIQUE); INSERT INTO t VALUES ('a');");
        Assert.Null(StorageFailures.Classify(Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES ('a');"))));
        Assert.Null(StorageFailures.Classify(Assert.Throws<FileNotFoundException>(() => File.OpenRead(Path.Combine(folder, "tidak-ada")))));
    }

    [RequiresMountFact]
    public void Writing_a_file_on_a_full_disk_is_full_and_on_a_read_only_disk_unwritable()
    {
        using var disk = Tmpfs.Mount(megabytes: 1);
        var full = Assert.Throws<IOException>(() => File.WriteAllBytes(Path.Combine(disk.Folder, "besar"), new byte[2 * 1024 * 1024]));
        Assert.Equal(StorageProblem.Full, StorageFailures.Classify(full));

        File.Delete(Path.Combine(disk.Folder, "besar"));
        disk.RemountReadOnly();
        var readOnly = Assert.Throws<IOException>(() => File.WriteAllBytes(Path.Combine(disk.Folder, "kecil"), [1]));
        Assert.Equal(StorageProblem.Unwritable, StorageFailures.Classify(readOnly));
    }

    private SqliteConnection Open(string mode)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "uji.db")};{mode};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
