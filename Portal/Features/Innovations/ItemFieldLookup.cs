using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Innovations;

/// <summary>Reads an item's own fields from the database, for its detail page and its report.</summary>
public static class ItemFieldLookup
{
    /// <summary>
    /// The SOP version's field definitions and the item's values; no definitions (null) for the innovation SOP, whose
    /// items keep their own SINOVIK columns.
    /// </summary>
    public static async Task<(IReadOnlyList<ItemFieldDefinition>? Fields, IReadOnlyDictionary<string, string> Values)> LoadAsync(
        PortalDbContext db, int sopDefinitionId, string? fieldValuesJson, CancellationToken cancellationToken = default)
    {
        var fieldsJson = await db.SopDefinitions.AsNoTracking().Where(s => s.Id == sopDefinitionId).Select(s => s.FieldsJson)
            .SingleAsync(cancellationToken);
        return (fieldsJson is null ? null : ItemFieldsJson.ParseDefinitions(fieldsJson), ItemFieldsJson.ParseValues(fieldValuesJson));
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
