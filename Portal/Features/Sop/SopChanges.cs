using Portal.Domain;

namespace Portal.Features.Sop;

/// <summary>What changed in one step between two SOP versions, in words.</summary>
public sealed record SopStepChange(int Number, string ShortName, IReadOnlyList<string> Changes);

/// <summary>Compares two SOP versions step by step: role, time, return target and whether an output is required.</summary>
public static class SopChanges
{
    public static IReadOnlyList<SopStepChange> Compare(SopDocument previous, SopDocument current)
    {
        var changes = new List<SopStepChange>();
        foreach (var step in current.Steps)
        {
            var before = previous.Steps.FirstOrDefault(s => s.Number == step.Number);
            if (before is null)
            {
                changes.Add(new(step.Number, step.ShortName, ["langkah baru"]));
                continue;
            }
            var stepChanges = new List<string>();
            if (previous.PelaksanaOf(before) != current.PelaksanaOf(step))
                stepChanges.Add($"Pelaksana: {previous.PelaksanaOf(before).Name} → {current.PelaksanaOf(step).Name}");
            if (before.Duration != step.Duration) stepChanges.Add($"Waktu: {before.Duration.Label()} → {step.Duration.Label()}");
            if (before.ReturnToStep != step.ReturnToStep)
                stepChanges.Add($"Bila tidak sesuai: {ReturnLabel(before.ReturnToStep)} → {ReturnLabel(step.ReturnToStep)}");
            if (before.RequiresOutput != step.RequiresOutput)
                stepChanges.Add($"Output wajib diunggah: {YesNo(before.RequiresOutput)} → {YesNo(step.RequiresOutput)}");
            if (stepChanges.Count > 0) changes.Add(new(step.Number, step.ShortName, stepChanges));
        }
        changes.AddRange(previous.Steps
            .Where(s => !current.Contains(s.Number))
            .Select(s => new SopStepChange(s.Number, s.ShortName, ["langkah dihapus"])));
        return changes.OrderBy(c => c.Number).ToList();
    }

    /// <summary>One line for the audit trail: "langkah 2 (Konsep inovasi): Waktu: 2 hari → 4 hari; ...".</summary>
    public static string Describe(IReadOnlyList<SopStepChange> changes) =>
        string.Join("; ", changes.Select(c => $"langkah {c.Number} ({c.ShortName}): {string.Join(", ", c.Changes)}"));

    public static string ReturnLabel(int? step) => step is { } number ? $"kembali ke langkah {number}" : "—";

    private static string YesNo(bool value) => value ? "ya" : "tidak";
}
