using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Data;

namespace Portal.Tests.Data;

/// <summary>
/// A backup of PostgreSQL is a SQLite file at the same schema: each PostgreSQL migration must have a SQLite migration
/// that leaves the same tables and columns, and the newest of each provider must be paired (both are this build's model).
/// </summary>
public sealed class MigrationPairsTests
{
    [Fact]
    public void Every_PostgreSQL_migration_has_a_SQLite_migration_with_the_same_tables_and_columns()
    {
        using var sqlite = PortalDatabase.OpenSqliteFile(":memory:");
        using var postgreSql = PortalDatabase.OpenPostgreSql("Host=localhost;Database=portal_pairs");
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgreSqlMigrations = postgreSql.Database.GetMigrations().ToList();

        foreach (var migration in postgreSqlMigrations)
        {
            var pair = MigrationPairs.SqliteFor(migration, sqliteMigrations);
            Assert.True(pair is not null, $"PostgreSQL migration {migration} has no SQLite migration of the same name.");
            // PostgreSQL keeps the data-protection keys in a table of its own; SQLite keeps them as files.
            var postgreSqlShape = Shape(DatabaseCopier.ModelAt(postgreSql, migration)).Where(t => t.Key != "DataProtectionKeys");
            Assert.Equal(Shape(DatabaseCopier.ModelAt(sqlite, pair)), postgreSqlShape);
        }
        Assert.Equal(sqliteMigrations[^1], MigrationPairs.SqliteFor(postgreSqlMigrations[^1], sqliteMigrations));
    }

    [Fact]
    public void A_PostgreSQL_migration_without_a_SQLite_one_of_its_name_has_no_pair()
    {
        Assert.Null(MigrationPairs.SqliteFor("29990101000000_OnlyOnPostgreSql", ["20261125075918_InitialCreate"]));
        Assert.Equal("20261201000000_SharedSettings",
            MigrationPairs.SqliteFor("20261201000007_SharedSettings", ["20261125075918_InitialCreate", "20261201000000_SharedSettings"]));
    }

    /// <summary>Each table with its columns: name, the type of the values and whether they may be missing.</summary>
    private static SortedDictionary<string, string> Shape(IRelationalModel model) =>
        new(model.Tables.ToDictionary(
            t => t.Name,
            t => string.Join(", ", t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Name}:{c.ProviderClrType.Name}{(c.IsNullable ? "?" : "")}"))),
            StringComparer.Ordinal);
}
