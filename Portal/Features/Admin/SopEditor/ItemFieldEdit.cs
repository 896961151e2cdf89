using System.Globalization;
using System.Text;
using Portal.Domain;
using Portal.Features.Innovations;

namespace Portal.Features.Admin.SopEditor;

/// <summary>One field an item of the SOP carries, as the administrator edits it; the key of a stored field never changes.</summary>
public sealed class ItemFieldEdit
{
    /// <summary>The stored key; null for a field added in this edit (its key is made from its label on save).</summary>
    public string? Key { get; set; }
    public string Label { get; set; } = "";
    public ItemFieldType Type { get; set; } = ItemFieldType.Text;
    public bool Required { get; set; }

    /// <summary>The choices of a choice field, one per line.</summary>
    public string OptionsText { get; set; } = "";
    public string Help { get; set; } = "";

    public static ItemFieldEdit From(ItemFieldDefinition field) => new()
    {
        Key = field.Key, Label = field.Label, Type = field.Type, Required = field.Required,
        OptionsText = string.Join("\n", field.Options), Help = field.Help ?? "",
    };

    /// <summary>The fields as the SOP version stores them; new fields get a key from their label, unique among the others.</summary>
    public static IReadOnlyList<ItemFieldDefinition> ToDefinitions(IReadOnlyList<ItemFieldEdit> edits)
    {
        var taken = new HashSet<string>(edits.Where(e => e.Key is not null).Select(e => e.Key!), StringComparer.Ordinal) { ItemFieldsCreate.TitleKey };
        return edits.Select(edit =>
        {
            var key = edit.Key ?? FreeKey(KeyOf(edit.Label), taken);
            var options = edit.Type == ItemFieldType.Choice
                ? edit.OptionsText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            return new ItemFieldDefinition(key, edit.Label.Trim(), edit.Type, edit.Required, options,
                string.IsNullOrWhiteSpace(edit.Help) ? null : edit.Help.Trim());
        }).ToList();
    }

    /// <summary>"Nomor WhatsApp pelapor" → "nomor_whatsapp_pelapor": lower-case letters, digits and underscores, starting with a letter.</summary>
    public static string KeyOf(string label)
    {
        var key = new StringBuilder();
        foreach (var c in label.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
            else if (key.Length > 0 && key[^1] != '_') key.Append('_');
        }
        var text = key.ToString().Trim('_');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0])) text = "isian_" + text;
        return text.Length > ItemFieldRules.KeyMaxLength - 3 ? text[..(ItemFieldRules.KeyMaxLength - 3)].TrimEnd('_') : text;
    }

    private static string FreeKey(string wanted, HashSet<string> taken)
    {
        var key = wanted;
        for (var n = 2; !taken.Add(key); n++) key = $"{wanted}_{n}";
        return key;
    }
}
