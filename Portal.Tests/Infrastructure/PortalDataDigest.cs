using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// What a portal database holds, entity by entity, read through EF as the portal reads it (so SQLite and PostgreSQL are
/// compared by the values the portal sees): every row's property values, shadow ones included, as a row count and a hash
/// of the sorted rows, instants to the microsecond. The data-protection keys (only PostgreSQL has them as rows) are left out.
/// </summary>
public static class PortalDataDigest
{
    public static SortedDictionary<string, string> Of(PortalDbContext db)
    {
        var digest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType.Name != "DataProtectionKey").OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var rows = new List<string>();
            foreach (var entity in (IEnumerable<object>)set.MakeGenericMethod(entityType.ClrType).Invoke(db, null)!)
            {
                var entry = db.Entry(entity);
                rows.Add(string.Join("\u001f", entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(p => $"{p.Metadata.Name}={Text(p.CurrentValue)}")));
            }
            db.ChangeTracker.Clear();
            rows.Sort(StringComparer.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows)));
            digest[entityType.GetTableName() ?? entityType.Name] = $"{rows.Count} rows {Convert.ToHexStringLower(hash)[..16]}";
        }
        return digest;
    }

    /// <summary>The tables whose rows differ, with both digests, for a failure message that names them.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual) =>
        expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(table => expected.GetValueOrDefault(table) != actual.GetValueOrDefault(table))
            .Select(table => $"{table}: {expected.GetValueOrDefault(table) ?? "tidak ada"} → {actual.GetValueOrDefault(table) ?? "tidak ada"}")
            .ToList();

    private static string Text(object? value) => value switch
    {
        null => "∅",
        // PostgreSQL keeps instants to the microsecond (Npgsql drops the last tick digit); SQLite's text keeps 100 ns ticks.
        DateTimeOffset instant => new DateTime(instant.UtcTicks - instant.UtcTicks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
