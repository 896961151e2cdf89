namespace Portal.Domain;

/// <summary>What an edit changed in an SOP's item fields, in words for the audit trail and the editor; null when nothing.</summary>
public static class ItemFieldChanges
{
    public static string? Describe(IReadOnlyList<ItemFieldDefinition> before, IReadOnlyList<ItemFieldDefinition> after)
    {
        var parts = new List<string>();
        var old = before.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var now = after.ToDictionary(f => f.Key, StringComparer.Ordinal);
        parts.AddRange(after.Where(f => !old.ContainsKey(f.Key)).Select(f => $"isian \"{f.Label}\" ditambahkan"));
        parts.AddRange(before.Where(f => !now.ContainsKey(f.Key)).Select(f => $"isian \"{f.Label}\" dihapus"));
        foreach (var field in after.Where(f => old.ContainsKey(f.Key)))
        {
            var was = old[field.Key];
            if (was.Label != field.Label || was.Type != field.Type || was.Required != field.Required || was.Help != field.Help
                || !was.Options.SequenceEqual(field.Options))
                parts.Add($"isian \"{field.Label}\" diubah");
        }
        if (parts.Count == 0 && !before.Select(f => f.Key).SequenceEqual(after.Select(f => f.Key))) parts.Add("urutan isian diubah");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
