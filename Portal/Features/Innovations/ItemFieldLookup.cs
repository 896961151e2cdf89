using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Innovations;

/// <summary>An item's own fields as its detail page and its report show them.</summary>
public sealed record ItemFieldsShown(IReadOnlyList<ItemFieldDefinition> Fields, IReadOnlyDictionary<string, string> Values, ItemFieldNames Names);

/// <summary>Reads an item's own fields from the database, for its detail page and its report.</summary>
public static class ItemFieldLookup
{
    /// <summary>The item's fields with their values and the names behind their ids; null for an item of the innovation SOP.</summary>
    public static async Task<ItemFieldsShown?> ShownAsync(PortalDbContext db, Innovation item, CancellationToken cancellationToken = default)
    {
        var (fields, values) = await LoadAsync(db, item.SopDefinitionId, item.FieldValuesJson, cancellationToken);
        return fields is null ? null : new ItemFieldsShown(fields, values, await NamesAsync(db, item.Id, fields, values, cancellationToken));
    }

    /// <summary>
    /// The SOP version's field definitions and the item's values; no definitions (null) for the innovation SOP, whose
    /// items keep their own SINOVIK columns and their Laporan Inovasi Pelayanan.
    /// </summary>
    public static async Task<(IReadOnlyList<ItemFieldDefinition>? Fields, IReadOnlyDictionary<string, string> Values)> LoadAsync(
        PortalDbContext db, int sopDefinitionId, string? fieldValuesJson, CancellationToken cancellationToken = default)
    {
        var version = await db.SopDefinitions.AsNoTracking().Where(s => s.Id == sopDefinitionId)
            .Select(s => new { s.FieldsJson, s.Sop!.RecordKind }).SingleAsync(cancellationToken);
        return (version.RecordKind == SopRecordKind.InovasiPelayanan ? null : ItemFieldsJson.ParseDefinitions(version.FieldsJson),
            ItemFieldsJson.ParseValues(fieldValuesJson));
    }

    /// <summary>The names behind the item's person and file values; a file is only named when it belongs to this item.</summary>
    public static async Task<ItemFieldNames> NamesAsync(PortalDbContext db, int innovationId, IReadOnlyList<ItemFieldDefinition> fields,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        List<string> ValuesOf(ItemFieldType type) =>
            fields.Where(f => f.Type == type).Select(f => values.GetValueOrDefault(f.Key)).OfType<string>().ToList();

        var personIds = ValuesOf(ItemFieldType.Person);
        var fileIds = ValuesOf(ItemFieldType.File).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var people = personIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var files = fileIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Attachments.AsNoTracking().Where(a => a.InnovationId == innovationId && fileIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.FileName, cancellationToken);
        return new ItemFieldNames(people, files);
    }
}
