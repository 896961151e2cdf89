namespace Portal.Data;

/// <summary>
/// Which SQLite migration leaves the same schema as a PostgreSQL migration, so a PostgreSQL database at any schema can be
/// backed up into a SQLite file at the same schema. A model change is added to both providers under one name
/// (README, "Untuk pengembang"), so after PostgreSQL's first migration the pairs share their names; that first migration
/// created at once the schema SQLite had reached by then. A test compares the tables and columns of every pair.
/// </summary>
public static class MigrationPairs
{
    private static readonly Dictionary<string, string> FirstPostgreSqlSchema = new(StringComparer.Ordinal)
    {
        ["InitialCreate"] = "VacantPositionActing",
    };

    /// <summary>The id of the SQLite migration paired with this PostgreSQL migration id; null when this build has none.</summary>
    public static string? SqliteFor(string postgreSqlMigrationId, IEnumerable<string> sqliteMigrationIds)
    {
        var name = NameOf(postgreSqlMigrationId);
        var sqliteName = FirstPostgreSqlSchema.GetValueOrDefault(name, name);
        return sqliteMigrationIds.SingleOrDefault(id => NameOf(id) == sqliteName);
    }

    /// <summary>A migration id is its timestamp, an underscore and its name: 20261130113152_InitialCreate.</summary>
    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
