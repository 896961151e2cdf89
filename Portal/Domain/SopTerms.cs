namespace Portal.Domain;

/// <summary>The Indonesian names of SOP terms, shown in the UI and in reports.</summary>
public static class SopTerms
{
    public static string Name(this InnovationStage stage) => stage switch
    {
        InnovationStage.Inisiatif => "Inisiatif",
        InnovationStage.UjiCoba => "Uji coba",
        InnovationStage.Penerapan => "Penerapan",
        _ => stage.ToString(),
    };

    public static string Name(this InnovationStatus status) => status switch
    {
        InnovationStatus.Berjalan => "Berjalan",
        InnovationStatus.Selesai => "Selesai",
        InnovationStatus.Dibatalkan => "Dibatalkan",
        _ => status.ToString(),
    };

    /// <summary>
    /// A history entry's action as the item's page shows it: the audit trail stores "Inovasi dibuat" and "Inovasi
    /// dibatalkan" for every SOP; an item of another SOP reads them with its own noun ("Pelaksanaan dibuat").
    /// </summary>
    public static string HistoryAction(string storedAction, string itemNoun) =>
        storedAction.StartsWith(InnovationWord, StringComparison.Ordinal) && itemNoun != SopDocument.InnovationNoun
            ? Capitalized(itemNoun) + storedAction[(InnovationWord.Length - 1)..]
            : storedAction;

    private const string InnovationWord = "Inovasi ";

    /// <summary>A lower-case word at the start of a sentence: "inovasi" → "Inovasi".</summary>
    public static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    public static string Label(this SopDuration? duration) => duration switch
    {
        null => "—",
        { Unit: DurationUnit.WorkingDays, Value: var v } when v > 0 && v % 5 == 0 => v == 5 ? "1 minggu" : $"{v / 5} minggu",
        { Unit: DurationUnit.WorkingDays, Value: var v } => $"{v} hari",
        { Unit: DurationUnit.WorkingHours, Value: var v } => $"{v} jam",
        { Unit: DurationUnit.WorkingMinutes, Value: var v } => $"{v} menit",
        { Value: var v } => $"{v} hari kalender",
    };
}
