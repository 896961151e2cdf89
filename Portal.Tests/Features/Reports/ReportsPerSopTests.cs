using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Reports;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

public sealed class ReportsPerSopOnSqliteTests(ReportsPerSopOnSqliteTests.App app) : ReportsPerSopTests(app), IClassFixture<ReportsPerSopOnSqliteTests.App>
{
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(Start));
}

public sealed class ReportsPerSopOnPostgreSqlTests(ReportsPerSopOnPostgreSqlTests.App app)
    : ReportsPerSopTests(app), IClassFixture<ReportsPerSopOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(Start), provider: DatabaseProvider.PostgreSql);
}

/// <summary>The leadership figures and the period report are per SOP: the chosen SOP's items and steps, nothing of the others.</summary>
public abstract class ReportsPerSopTests(PortalAppFactory app)
{
    // Mon 2 Nov 2026 10:00 WITA.
    protected static readonly DateTimeOffset Start = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    [ProviderFact]
    public async Task The_figures_of_a_second_SOP_count_its_own_items_over_its_own_steps_and_the_innovation_figures_leave_them_out()
    {
        var sop = await app.AddSopAsync("akta-dasbor", "Pelayanan Akta Uji Dasbor", "800/051/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 1),
            TestSops.Step(3, "Tanda tangan akta", 2, StepKind.Approve));
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var first = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta dasbor satu", BidangId = fungsional.BidangId }, fungsional.Id);
        var second = await workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta dasbor dua", BidangId = fungsional.BidangId }, fungsional.Id);
        var innovation = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi di samping dasbor akta"), fungsional.Id);
        var period = new ReportRequest(2026).PeriodIn(OfficeZone.Wita);
        var query = app.Get<ReportSnapshotQuery>();

        var akta = await query.LoadAsync(period, null, sop.Id);
        var figures = DashboardFigures.Compute(akta);

        Assert.Equal([first.InnovationId!.Value, second.InnovationId!.Value], akta.Innovations.Select(i => i.Id).Order());
        Assert.Equal([(1, "Periksa berkas"), (2, "Verifikasi berkas"), (3, "Tanda tangan akta")], figures.Steps.Select(s => (s.Number, s.Kegiatan)));
        Assert.Equal((2, 2), (figures.Summary.Active, figures.Summary.Running));

        var innovations = await query.LoadAsync(period, null, await app.InnovationSopIdAsync());
        Assert.Contains(innovations.Innovations, i => i.Id == innovation.InnovationId);
        Assert.DoesNotContain(innovations.Innovations, i => i.Id == first.InnovationId || i.Id == second.InnovationId);
        Assert.Equal("Identifikasi & kajian", DashboardFigures.Compute(innovations).Steps[0].Kegiatan);
    }

    [ProviderFact]
    public async Task The_period_report_is_downloaded_for_a_chosen_SOP_and_an_unknown_SOP_is_refused_in_words()
    {
        var sop = await app.AddSopAsync("akta-periode", "Pelayanan Akta Uji Periode", "800/052/SOP/DKPS/2024", TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Tanda tangan akta", 2, StepKind.Approve));
        var kepalaDinas = await app.SignedInClientAsync(DemoPeople.KepalaDinas);

        var report = await kepalaDinas.GetAsync($"/laporan/periode.pdf?tahun=2026&sop={sop.Id}");
        var unknown = await kepalaDinas.GetAsync("/laporan/periode.pdf?tahun=2026&sop=987654");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/pdf", report.Content.Headers.ContentType!.MediaType);
        using (var pdf = new PdfReadBack(await report.Content.ReadAsByteArrayAsync()))
            Assert.Contains("800/052/SOP/DKPS/2024", pdf.AllText);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("SOP tidak ditemukan.", await unknown.Content.ReadAsStringAsync());
    }
}
