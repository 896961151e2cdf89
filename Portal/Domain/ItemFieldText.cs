using System.Globalization;

namespace Portal.Domain;

/// <summary>How a stored item field value reads on the detail page and in the report: "Rp 1.500.000", "1 Desember 2026", names for ids.</summary>
public static class ItemFieldText
{
    public const string Empty = "—";

    public static string Display(ItemFieldDefinition field, string? stored, ItemFieldNames names)
    {
        if (string.IsNullOrWhiteSpace(stored)) return Empty;
        return field.Type switch
        {
            ItemFieldType.Rupiah when long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) =>
                "Rp " + amount.ToString("N0", IndonesianFormat.Culture),
            ItemFieldType.Number when decimal.TryParse(stored, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) =>
                number.ToString("#,##0.############################", IndonesianFormat.Culture),
            ItemFieldType.Date when ItemFieldRules.StoredDate(stored) is { } date => IndonesianFormat.LongDate(date),
            ItemFieldType.Person => names.People.GetValueOrDefault(stored) ?? "(pegawai tidak dikenal)",
            ItemFieldType.File => Guid.TryParse(stored, out var id) && names.Files.GetValueOrDefault(id) is { } fileName
                ? fileName
                : "(lampiran tidak ditemukan)",
            _ => stored,
        };
    }

    /// <summary>Every field of the SOP with its value in words, in the SOP's order.</summary>
    public static IReadOnlyList<(ItemFieldDefinition Field, string Text)> All(
        IReadOnlyList<ItemFieldDefinition> fields, IReadOnlyDictionary<string, string> values, ItemFieldNames names) =>
        fields.Select(f => (f, Display(f, values.GetValueOrDefault(f.Key), names))).ToList();
}
