namespace Portal.Domain;

/// <summary>The kinds of value an SOP's item may carry; each has its own input and its own rules.</summary>
public enum ItemFieldType { Text, LongText, Date, Number, Rupiah, Choice, Person, File }

/// <summary>
/// One field an item of an SOP carries, as the SOP's data defines it. <paramref name="Options"/> are the
/// choices of a <see cref="ItemFieldType.Choice"/> field; <paramref name="Help"/> is shown under the input.
/// </summary>
public sealed record ItemFieldDefinition(
    string Key,
    string Label,
    ItemFieldType Type,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    string? Help = null)
{
    public IReadOnlyList<string> Options { get; init; } = Options ?? [];
}

/// <summary>
/// What a value is checked against besides its field: the people who may be named (active users, by id)
/// and the attachments a file field may point to (by id).
/// </summary>
public sealed record ItemFieldContext(IReadOnlySet<string> ActivePeople, IReadOnlySet<Guid> Attachments)
{
    public static ItemFieldContext None { get; } = new(new HashSet<string>(), new HashSet<Guid>());
}

/// <summary>The outcome of checking an item's values: a message per field in error, and the values in their stored form.</summary>
public sealed record ItemFieldsCheck(IReadOnlyDictionary<string, string> Problems, IReadOnlyDictionary<string, string> Values)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Names shown for values that are ids: people by user id, attachments by id.</summary>
public sealed record ItemFieldNames(IReadOnlyDictionary<string, string> People, IReadOnlyDictionary<Guid, string> Files)
{
    public static ItemFieldNames None { get; } = new(new Dictionary<string, string>(), new Dictionary<Guid, string>());
}
