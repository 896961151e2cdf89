using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Operations.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>The demo portal on a clock a test may set, with its backup folder beside the data folder.</summary>
public class BackupApp(DateTimeOffset start, IDictionary<string, string?>? settings = null, string? dataDirectory = null, string environment = "Development",
    DatabaseProvider provider = DatabaseProvider.Sqlite)
    : PortalAppFactory(new TestClock(start), WithDefaults(settings), dataDirectory, environment, provider)
{
    public TestClock Clock => (TestClock)Services.GetRequiredService<TimeProvider>();

    public string LiveDatabase => Path.Combine(DataDirectory, "portal.db");

    public string FolderOf(BackupManifest manifest) => Path.Combine(BackupFolder, manifest.Id);

    private static Dictionary<string, string?> WithDefaults(IDictionary<string, string?>? settings)
    {
        // Jobs run only when a test calls them, so nothing writes behind a test's back.
        var all = new Dictionary<string, string?> { ["Alerts:RunServer"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return all;
    }
}

/// <summary>The demo portal at 02:00 WITA on Monday 30 November 2026, as an xunit class fixture.</summary>
public sealed class BackupPortal() : BackupApp(TestInstants.Wita(2026, 11, 30, 2, 0));

/// <summary>What a database holds, table by table: a hash of every row's values in rowid order.</summary>
public static class DatabaseDigest
{
    public static Dictionary<string, string> Of(string path, IReadOnlyDictionary<string, IReadOnlyList<string>>? columns = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = SqliteFileCheck.Scalars(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        var digest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => columns is null || columns.ContainsKey(t)))
        {
            var selected = columns is null ? "*" : string.Join(", ", columns[table].Select(c => $"\"{c}\""));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {selected} FROM \"{table}\" ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    sha.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
                sha.AppendData("\u001e"u8);
            }
            digest[table] = $"{rows} rows {Convert.ToHexStringLower(sha.GetHashAndReset())[..16]}";
        }
        return digest;
    }

    /// <summary>The columns of every table, to compare only what an older schema had.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Columns(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = SqliteFileCheck.Scalars(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        return tables.ToDictionary(t => t, t => (IReadOnlyList<string>)SqliteFileCheck.Scalars(connection, $"SELECT name FROM pragma_table_info('{t}') ORDER BY cid;"));
    }
}
