using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>
/// When an innovation's Laporan Inovasi Pelayanan exists: from the SOP step that writes the report (the last work
/// step) on, as a draft until the last step approves it. Decided from the SOP's data, not from step numbers.
/// </summary>
public static class LaporanAvailability
{
    public static SopStepDefinition ReportStep(SopDocument sop) => sop.Steps.Last(s => s.Kind == StepKind.Work);

    /// <summary>Why there is no Laporan yet (or at all); null when there is one.</summary>
    public static string? Refusal(SopDocument sop, InnovationStatus status, int currentStep)
    {
        if (status == InnovationStatus.Dibatalkan) return "Inovasi ini dibatalkan; Laporan Inovasi Pelayanan tidak dibuat untuk inovasi yang dibatalkan.";
        if (status == InnovationStatus.Selesai) return null;
        var reportStep = ReportStep(sop);
        return Position(sop, currentStep) < Position(sop, reportStep.Number)
            ? $"Laporan Inovasi Pelayanan tersedia mulai langkah {reportStep.Number} ({reportStep.ShortName}); inovasi ini masih di langkah {currentStep}."
            : null;
    }

    public static bool IsDraft(InnovationStatus status) => status != InnovationStatus.Selesai;

    private static int Position(SopDocument sop, int stepNumber)
    {
        for (var i = 0; i < sop.Steps.Count; i++)
        {
            if (sop.Steps[i].Number == stepNumber) return i;
        }
        return -1;
    }
}
