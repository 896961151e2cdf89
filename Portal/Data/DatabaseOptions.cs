namespace Portal.Data;

public enum DatabaseProvider
{
    /// <summary>One file in the data folder, nothing to install: one office, one server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several instances of the portal share it (see README, "Banyak server").</summary>
    PostgreSql,
}

/// <summary>Section "Database" in appsettings; the connection string is ConnectionStrings:Portal.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How many writes this instance makes at once. SQLite takes one writer at a time, so more only makes them wait by
    /// polling; PostgreSQL locks rows, so moves of different items are stored side by side. 0 picks 1 for SQLite and 8
    /// for PostgreSQL.
    /// </summary>
    public int ConcurrentWrites { get; set; }

    public int EffectiveConcurrentWrites => ConcurrentWrites > 0 ? ConcurrentWrites : Provider == DatabaseProvider.PostgreSql ? 8 : 1;
}
