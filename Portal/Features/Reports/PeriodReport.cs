using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>The period report's content, from a loaded snapshot: every innovation active in the period and the steps' timeliness.</summary>
public static class PeriodReport
{
    public static PeriodReportData Build(ReportSnapshot snapshot, string? bidangName, ReportOffice office)
    {
        var label = snapshot.Period.Label + (bidangName is null ? "" : $" — Bidang {bidangName}");
        var innovations = Rows(snapshot).Select(r => r.Row).ToList();
        var steps = DashboardFigures.Steps(snapshot)
            .Select(s => new StepOnTimeRow(s.Number, s.Kegiatan, s.Finished, s.OnTime, s.AverageWorkingDays, s.WaktuSop)
            {
                Satuan = s.Unit,
                RataRataLama = s.AverageTaken,
            })
            .ToList();
        return new PeriodReportData(office, ReportWording.SopInfo(snapshot.CurrentSop), label, innovations, steps, snapshot.Now);
    }

    /// <summary>Every innovation of the period as the report lists it, by bidang and title.</summary>
    public static IReadOnlyList<(ReportInnovation Innovation, PeriodInnovationRow Row)> Rows(ReportSnapshot snapshot) =>
        snapshot.Innovations
            .Select(i => (Innovation: i, State: i.StateAt(snapshot.AsOf)))
            .Where(s => s.State is not null)
            .OrderBy(s => s.Innovation.Bidang).ThenBy(s => s.Innovation.Title)
            .Select(s => (s.Innovation, Row(snapshot, s.Innovation, s.State!)))
            .ToList();

    private static PeriodInnovationRow Row(ReportSnapshot snapshot, ReportInnovation innovation, ReportState state)
    {
        var stage = snapshot.StageOf(innovation, state).Name();
        if (state.OpenRun is not { } open)
            return new PeriodInnovationRow(innovation.Title, innovation.Bidang, stage, "—", state.Status.Name());
        var step = snapshot.SopOf(innovation).Step(state.Step);
        var sla = snapshot.Sla(open);
        var status = sla.Level == SlaLevel.Late ? ReportWording.Late(sla) : $"Berjalan · {sla.Label}";
        return new PeriodInnovationRow(innovation.Title, innovation.Bidang, stage, $"{step.Number}. {step.ShortName}", status);
    }
}
