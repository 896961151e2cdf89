using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Domain;

/// <summary>Reads and writes the SOP definition as JSON, the form it is seeded and exported in.</summary>
public static class SopJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    private sealed record SopFile(SopHeader Header, IReadOnlyList<SopPelaksana> Pelaksana, IReadOnlyList<SopStepDefinition> Steps);

    public static SopDocument Parse(string json, int version)
    {
        var file = JsonSerializer.Deserialize<SopFile>(json, Options)
            ?? throw new InvalidDataException("Definisi SOP kosong.");
        var document = new SopDocument(version, file.Header, file.Pelaksana ?? [], file.Steps);
        var problems = SopDefinitionRules.Problems(document);
        return problems.Count == 0
            ? document
            : throw new InvalidDataException("Definisi SOP tidak valid: " + string.Join("; ", problems));
    }

    public static string SerializeHeader(SopHeader header) => JsonSerializer.Serialize(header, Options);

    public static string SerializePelaksana(IReadOnlyList<SopPelaksana> pelaksana) => JsonSerializer.Serialize(pelaksana, Options);

    public static IReadOnlyList<SopPelaksana> ParsePelaksana(string json) =>
        JsonSerializer.Deserialize<List<SopPelaksana>>(json, Options) ?? [];

    /// <summary>The whole document as JSON, in the form the seed file uses (for export and for tests).</summary>
    public static string Serialize(SopDocument sop) => JsonSerializer.Serialize(new SopFile(sop.Header, sop.Pelaksana, sop.Steps), Options);

    public static SopHeader ParseHeader(string json) =>
        JsonSerializer.Deserialize<SopHeader>(json, Options) ?? throw new InvalidDataException("Kepala SOP kosong.");
}

/// <summary>What makes a set of steps a runnable SOP; checked on seeding and on every administrator edit.</summary>
public static class SopDefinitionRules
{
    public static IReadOnlyList<string> Problems(SopDocument sop)
    {
        var problems = new List<string>();
        if (sop.Steps.Count == 0) problems.Add("SOP tidak memiliki langkah");
        if (sop.Pelaksana.Count == 0) problems.Add("SOP tidak memiliki kolom pelaksana");
        if (sop.Pelaksana.Any(p => string.IsNullOrWhiteSpace(p.Name))) problems.Add("setiap kolom pelaksana harus bernama");
        if (sop.Pelaksana.Select(p => p.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != sop.Pelaksana.Count)
            problems.Add("nama kolom pelaksana ganda");
        if (sop.Steps.Select(s => s.Number).Distinct().Count() != sop.Steps.Count) problems.Add("nomor langkah ganda");
        for (var i = 1; i < sop.Steps.Count; i++)
        {
            if (sop.Steps[i].Number <= sop.Steps[i - 1].Number) problems.Add("langkah harus berurutan naik");
        }
        foreach (var step in sop.Steps)
        {
            if (step.ReturnToStep is { } target && (target >= step.Number || !sop.Contains(target)))
                problems.Add($"langkah {step.Number}: tujuan pengembalian harus langkah sebelumnya");
            if (step.ReturnToStep is not null && step.Kind == StepKind.Work)
                problems.Add($"langkah {step.Number}: hanya langkah verifikasi atau persetujuan yang dapat mengembalikan");
            if (step.Pelaksana < 0 || step.Pelaksana >= sop.Pelaksana.Count)
                problems.Add($"langkah {step.Number}: pilih pelaksana");
            if (step.Duration is { Value: <= 0 })
                problems.Add($"langkah {step.Number}: waktu harus lebih dari 0");
            if (string.IsNullOrWhiteSpace(step.ShortName) || string.IsNullOrWhiteSpace(step.Output))
                problems.Add($"langkah {step.Number}: nama dan output wajib diisi");
        }
        return problems;
    }
}
