using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Portal.Data;

namespace Portal.Features.Operations.Backups;

/// <summary>
/// Whether a PostgreSQL database may receive a whole portal (a restore, the move from SQLite): it may not exist yet, or
/// have the portal's tables without a row in any; it may not have been set up by a newer portal. Asked before anything
/// is written, so a refusal changes nothing.
/// </summary>
public static class EmptyPostgreSqlTarget
{
    /// <summary>Null when the database may receive the portal; otherwise why not, in Indonesian and in English.</summary>
    public static async Task<(string Indonesian, string English)?> ProblemAsync(PostgreSqlPortalDbContext target, CancellationToken cancellationToken)
    {
        if (await target.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            var newer = (await target.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(target.Database.GetMigrations(), StringComparer.Ordinal).ToList();
            if (newer.Count > 0)
                return ($"basis data tujuan sudah dipakai versi portal yang lebih baru (skema {newer[^1]}). Pakai versi portal itu atau yang lebih baru.",
                    "The target database was set up by a newer portal; use that version or a newer one.");
        }
        var occupied = await DatabaseCopier.TablesWithRowsAsync(target, cancellationToken);
        if (occupied.Count == 0) return null;
        return ($"basis data tujuan tidak kosong: {string.Join(", ", occupied.Select(t => $"{t.Table} ({t.Rows} baris)"))}. " +
                "Hanya ke basis data PostgreSQL yang kosong: buat basis data baru (CREATE DATABASE …) dan jangan jalankan portal padanya lebih dulu.",
            "The target database is not empty. Only an empty PostgreSQL database is accepted: create a new one and do not start the portal on it first.");
    }

    /// <summary>Where the database is, for messages: host, port and name, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The server's own words for a failure, on one line (no stack trace).</summary>
    public static string Reason(NpgsqlException exception) =>
        (exception is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : exception.Message).Split('\n')[0].Trim();
}
