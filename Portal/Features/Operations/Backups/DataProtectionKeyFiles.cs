using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Operations.Backups;

/// <summary>
/// The data-protection keys (sign-in cookies, links sent by e-mail) as files, one <c>&lt;name&gt;.xml</c> each, the way the
/// key store in the data folder writes them (SQLite) and a backup's <c>keys/</c> holds them; and as the rows of
/// DataProtectionKeys, where the instances on PostgreSQL share them. Moving the keys along keeps people signed in.
/// </summary>
public static class DataProtectionKeyFiles
{
    /// <summary>Writes every key of the database into the folder; returns the file names.</summary>
    public static async Task<List<string>> ExportAsync(PostgreSqlPortalDbContext db, string folder, CancellationToken cancellationToken)
    {
        var keys = await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        if (keys.Count == 0) return [];
        Directory.CreateDirectory(folder);
        var names = new List<string>();
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k.Xml)))
        {
            var name = FileName(key);
            await File.WriteAllTextAsync(Path.Combine(folder, name), key.Xml, cancellationToken);
            names.Add(name);
        }
        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds the keys of the folder's files that the database does not hold yet; returns how many were added.</summary>
    public static async Task<int> ImportAsync(PostgreSqlPortalDbContext db, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) return 0;
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var friendlyName = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(friendlyName)) continue;
            // As the database key store writes an element: on one line.
            var xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static string FileName(DataProtectionKey key)
    {
        var stem = key.FriendlyName is { Length: > 0 } friendly && friendly.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !friendly.Contains("..", StringComparison.Ordinal)
            ? friendly
            : $"key-{key.Id}";
        return stem + ".xml";
    }
}
