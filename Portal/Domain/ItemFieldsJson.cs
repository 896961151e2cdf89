using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Domain;

/// <summary>
/// Reads and writes item fields as JSON: an SOP version's definitions (<c>SopDefinition.FieldsJson</c>) and an item's
/// values keyed by field key (<c>Innovation.FieldValuesJson</c>), with types in camelCase ("text", "longText", "rupiah").
/// </summary>
public static class ItemFieldsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string SerializeDefinitions(IReadOnlyList<ItemFieldDefinition> fields) => JsonSerializer.Serialize(fields, Options);

    /// <summary>The definitions in <paramref name="json"/>; none for null or blank. Malformed or inconsistent definitions are refused in words.</summary>
    public static IReadOnlyList<ItemFieldDefinition> ParseDefinitions(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        List<ItemFieldDefinition>? fields;
        try
        {
            fields = JsonSerializer.Deserialize<List<ItemFieldDefinition>>(json, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"Definisi isian SOP tidak dapat dibaca (di {exception.Path ?? "awal teks"}): periksa tanda baca JSON dan jenis isian "
                + "(text, longText, date, number, rupiah, choice, person, file).", exception);
        }
        if (fields is null || fields.Any(f => f is null || f.Key is null || f.Label is null))
            throw new InvalidDataException("Definisi isian SOP tidak lengkap: setiap isian butuh kunci, label dan jenis.");
        var problems = ItemFieldRules.DefinitionProblems(fields);
        return problems.Count == 0 ? fields : throw new InvalidDataException("Definisi isian SOP tidak valid: " + string.Join("; ", problems));
    }

    /// <summary>Stored values as JSON; null when there are none.</summary>
    public static string? SerializeValues(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? null : JsonSerializer.Serialize(values, Options);

    public static IReadOnlyDictionary<string, string> ParseValues(string? json) =>
        string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? new Dictionary<string, string>();
}
