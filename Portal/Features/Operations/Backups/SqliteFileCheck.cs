using Microsoft.Data.Sqlite;

namespace Portal.Features.Operations.Backups;

/// <summary>Reads and checks a copied database file on its own connection, never pooled (so the folder can move afterwards).</summary>
public static class SqliteFileCheck
{
    public const string MigrationsTable = "__EFMigrationsHistory";
    private const int NotADatabase = 26;

    public static SqliteConnection Open(string path, bool readOnly = true)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Null when the file is a sound SQLite database with exactly the expected rows; otherwise the reason in Indonesian.</summary>
    public static string? Problem(string path, IReadOnlyDictionary<string, long>? expectedCounts)
    {
        if (!File.Exists(path)) return BackupTexts.DatabaseMissing;
        try
        {
            using var connection = Open(path);
            var integrity = Scalars(connection, "PRAGMA integrity_check;");
            if (integrity is not ["ok"])
                return BackupTexts.IntegrityFailed(integrity.FirstOrDefault() ?? "");
            if (expectedCounts is null) return null;
            var counts = RowCounts(connection);
            var differences = expectedCounts.Keys.Union(counts.Keys)
                .Where(table => expectedCounts.GetValueOrDefault(table, -1) != counts.GetValueOrDefault(table, -1))
                .Order(StringComparer.Ordinal)
                .Select(table => $"{table}: {Shown(expectedCounts, table)} → {Shown(counts, table)}")
                .ToList();
            return differences.Count == 0 ? null : BackupTexts.CountsDiffer(differences);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == NotADatabase)
        {
            return BackupTexts.NotADatabase;
        }
        catch (SqliteException ex)
        {
            return BackupTexts.IntegrityFailed(ex.Message);
        }
    }

    public static Dictionary<string, long> RowCounts(SqliteConnection connection)
    {
        var tables = Scalars(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\";";
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>The migrations applied to the database, oldest first (none for a file EF never migrated).</summary>
    public static IReadOnlyList<string> AppliedMigrations(SqliteConnection connection) =>
        HasTable(connection, MigrationsTable)
            ? Scalars(connection, $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId;")
            : [];

    public static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    public static List<string> Scalars(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private static string Shown(IReadOnlyDictionary<string, long> counts, string table) =>
        counts.TryGetValue(table, out var count) ? count.ToString() : "tidak ada";
}
