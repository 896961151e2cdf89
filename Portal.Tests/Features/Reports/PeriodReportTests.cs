using Portal.Features.Reports;
using Portal.Tests.Domain;
using static Portal.Tests.Features.Reports.ReportTestData;
using Portal.Domain;

namespace Portal.Tests.Features.Reports;

public sealed class PeriodReportTests
{
    [Fact]
    public void The_period_lists_each_active_innovation_by_bidang_with_its_stage_step_and_lateness()
    {
        var data = PeriodReport.Build(Snapshot(new ReportPeriod(2026, 11, OfficeZone.Wita)), bidangName: null, ReportSamples.Office);

        Assert.Equal("November 2026", data.PeriodLabel);
        Assert.Equal(("12./005/SOP/DKPS/1/2024", 1), (data.Sop.NomorSop, data.Sop.SopVersion));
        Assert.Equal(
        [
            ("B Dikembalikan", "Inisiatif", "2. Konsep inovasi", "Terlambat 13 hari kerja"),
            ("C Baru mulai", "Inisiatif", "1. Identifikasi & kajian", "Berjalan · tepat waktu"),
            ("F Uji coba", "Uji coba", "7. Uji coba", "Berjalan · segera jatuh tempo"),
        ], data.Innovations.Select(r => (r.Judul, r.Tahapan, r.LangkahSaatIni, r.Status)));
        var step4 = data.Steps.Single(s => s.Number == 4);
        Assert.Equal((1, 0, 3.0, "2 hari"), (step4.Selesai, step4.TepatWaktu, step4.RataRataHariKerja!.Value, step4.WaktuSop));
    }

    [Fact]
    public void A_finished_month_shows_how_each_innovation_ended()
    {
        var october = PeriodReport.Build(Snapshot(new ReportPeriod(2026, 10, OfficeZone.Wita)), bidangName: null, ReportSamples.Office);
        var september = PeriodReport.Build(Snapshot(new ReportPeriod(2026, 9, OfficeZone.Wita), bidangId: 3), bidangName: "Capil", ReportSamples.Office);

        Assert.Equal([("A Layanan selesai", "Penerapan", "—", "Selesai")], october.Innovations.Select(r => (r.Judul, r.Tahapan, r.LangkahSaatIni, r.Status)));
        Assert.Equal("September 2026 — Bidang Capil", september.PeriodLabel);
        Assert.Equal([("D Dibatalkan", "Dibatalkan")], september.Innovations.Select(r => (r.Judul, r.Status)));
        Assert.Equal(TestCalendar.Wita("2026-11-25 12:00"), october.GeneratedAt);
    }
}
