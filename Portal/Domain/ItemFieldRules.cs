using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain;

/// <summary>
/// The rules of item fields, the one place the form, the create command and the SOP data agree on. A value comes
/// in as a person typed it (Indonesian: "1.500.000", "12,5", "31/12/2026") and is stored in one plain form per
/// type: rupiah as whole digits, numbers with a decimal point, dates as yyyy-MM-dd, people and files by id.
/// </summary>
public static partial class ItemFieldRules
{
    public const int TextMaxLength = 200;
    public const int LongTextMaxLength = 4000;
    public const int KeyMaxLength = 40;

    /// <summary>The largest amount a rupiah field takes: a thousand trillion, well past any budget, well inside a long.</summary>
    public const long RupiahMax = 999_999_999_999_999;

    /// <summary>What is wrong with one value, or null when it may be stored.</summary>
    public static string? Problem(ItemFieldDefinition field, string? input, ItemFieldContext context) => Read(field, input, context).Problem;

    /// <summary>Checks every field of <paramref name="fields"/>; values for keys the SOP does not define are left out.</summary>
    public static ItemFieldsCheck Check(IReadOnlyList<ItemFieldDefinition> fields, IReadOnlyDictionary<string, string?> inputs, ItemFieldContext context)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var (stored, problem) = Read(field, inputs.GetValueOrDefault(field.Key), context);
            if (problem is not null) problems[field.Key] = problem;
            else if (stored is not null) values[field.Key] = stored;
        }
        return new ItemFieldsCheck(problems, values);
    }

    public static string RequiredMessage(ItemFieldDefinition field) => field.Type switch
    {
        ItemFieldType.Choice or ItemFieldType.Person => $"{field.Label} wajib dipilih.",
        ItemFieldType.File => $"{field.Label} wajib dilampirkan.",
        _ => $"{field.Label} wajib diisi.",
    };

    /// <summary>A stored value written back the way a person types it, to fill a form for editing.</summary>
    public static string? ToInput(ItemFieldDefinition field, string? stored) => field.Type switch
    {
        ItemFieldType.Rupiah when long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) =>
            amount.ToString("N0", IndonesianFormat.Culture),
        ItemFieldType.Number when decimal.TryParse(stored, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) =>
            number.ToString("0.############################", IndonesianFormat.Culture),
        ItemFieldType.Date when StoredDate(stored) is { } date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => stored,
    };

    /// <summary>The date of a stored date value, or null.</summary>
    public static DateOnly? StoredDate(string? stored) =>
        DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The form a date takes when stored.</summary>
    public static string StoredDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What is wrong with an SOP's field definitions (an empty list when nothing is).</summary>
    public static IReadOnlyList<string> DefinitionProblems(IReadOnlyList<ItemFieldDefinition> fields)
    {
        var problems = new List<string>();
        foreach (var field in fields)
        {
            var name = string.IsNullOrWhiteSpace(field.Label) ? $"isian \"{field.Key}\"" : $"isian \"{field.Label}\"";
            if (string.IsNullOrWhiteSpace(field.Label)) problems.Add($"{name}: label wajib diisi");
            if (!KeyPattern().IsMatch(field.Key ?? ""))
                problems.Add($"{name}: kunci harus huruf kecil, angka atau garis bawah, diawali huruf, paling banyak {KeyMaxLength} karakter");
            if (!Enum.IsDefined(field.Type)) problems.Add($"{name}: jenis isian tidak dikenal");
            if (field.Type == ItemFieldType.Choice && field.Options.Count == 0) problems.Add($"{name}: pilihan wajib diisi");
            if (field.Options.Any(string.IsNullOrWhiteSpace)) problems.Add($"{name}: pilihan tidak boleh kosong");
            if (field.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != field.Options.Count) problems.Add($"{name}: pilihan ganda");
        }
        foreach (var key in fields.GroupBy(f => f.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"kunci isian \"{key}\" dipakai lebih dari sekali");
        return problems;
    }

    private static (string? Stored, string? Problem) Read(ItemFieldDefinition field, string? input, ItemFieldContext context)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text)) return (null, field.Required ? RequiredMessage(field) : null);
        return field.Type switch
        {
            ItemFieldType.Text => Length(field, text, TextMaxLength),
            ItemFieldType.LongText => Length(field, text, LongTextMaxLength),
            ItemFieldType.Date => ReadDate(field, text),
            ItemFieldType.Number => ReadNumber(field, text),
            ItemFieldType.Rupiah => ReadRupiah(field, text),
            ItemFieldType.Choice => field.Options.FirstOrDefault(o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase)) is { } option
                ? (option, null)
                : (null, $"{field.Label} harus salah satu dari: {string.Join(", ", field.Options)}."),
            ItemFieldType.Person => context.ActivePeople.Contains(text)
                ? (text, null)
                : (null, $"{field.Label}: pilih pegawai yang masih aktif."),
            ItemFieldType.File => Guid.TryParse(text, out var id) && context.Attachments.Contains(id)
                ? (id.ToString("D"), null)
                : (null, $"{field.Label}: lampiran tidak ditemukan; unggah berkasnya lagi."),
            _ => (null, $"{field.Label}: jenis isian tidak dikenal."),
        };
    }

    private static (string?, string?) Length(ItemFieldDefinition field, string text, int max) =>
        text.Length <= max ? (text, null) : (null, $"{field.Label} paling banyak {max} karakter (sekarang {text.Length}).");

    private static (string?, string?) ReadDate(ItemFieldDefinition field, string text)
    {
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy"];
        if (!DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"{field.Label} harus berupa tanggal, mis. 31/12/2026.");
        return date.Year is < 1900 or > 2100
            ? (null, $"{field.Label} di luar rentang tanggal yang wajar (tahun 1900–2100).")
            : (StoredDate(date), null);
    }

    // Indonesian writing only: "." groups thousands and "," marks decimals, so "12.5" is refused rather than read as 125.
    private static (string?, string?) ReadNumber(ItemFieldDefinition field, string text)
    {
        if (!IndonesianNumber().IsMatch(text)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, IndonesianFormat.Culture, out var number))
            return (null, $"{field.Label} harus berupa angka, mis. 1.250 atau 12,5.");
        return (number.ToString("0.############################", CultureInfo.InvariantCulture), null);
    }

    private static (string?, string?) ReadRupiah(ItemFieldDefinition field, string text)
    {
        var amount = RupiahPrefix().Replace(text, "").Trim();
        if (amount.StartsWith('-')) return (null, $"{field.Label} tidak boleh negatif.");
        var whole = RupiahAmount().Match(amount);
        if (!whole.Success)
        {
            return CentsAmount().IsMatch(amount)
                ? (null, $"{field.Label} harus jumlah rupiah bulat, tanpa sen.")
                : (null, $"{field.Label} harus berupa jumlah rupiah, mis. 1.500.000 atau Rp 1.500.000.");
        }
        var digits = whole.Groups["digits"].Value.Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        if (digits.Length == 0) return ("0", null);
        return digits.Length > 15 || long.Parse(digits, CultureInfo.InvariantCulture) > RupiahMax
            ? (null, $"{field.Label} terlalu besar.")
            : (digits, null);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$")]
    private static partial Regex IndonesianNumber();

    [GeneratedRegex(@"^rp\.?", RegexOptions.IgnoreCase)]
    private static partial Regex RupiahPrefix();

    // Whole rupiah, optionally closed the way amounts are written on letters: ",00" or ",-".
    [GeneratedRegex(@"^(?<digits>\d+|\d{1,3}(\.\d{3})+)(,0+|,-)?$")]
    private static partial Regex RupiahAmount();

    [GeneratedRegex(@"^(\d+|\d{1,3}(\.\d{3})+),\d+$")]
    private static partial Regex CentsAmount();
}
