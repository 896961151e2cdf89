using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Workflow;

/// <summary>Starting an item names its SOP: the innovation SOP's innovations and any other SOP's runs, on the real database.</summary>
public sealed class SopItemCreationTests(SopItemCreationTests.App app) : IClassFixture<SopItemCreationTests.App>
{
    // Wed 4 Nov 2026 00:30 WITA, while in UTC it is still Tuesday the 3rd: a run's start date is the office's date.
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 16, 30, 0, TimeSpan.Zero)));

    private WorkflowService Workflow => app.Get<WorkflowService>();

    [Fact]
    public async Task A_staff_member_starts_a_run_of_another_SOP_with_its_title_and_bidang_and_the_innovation_texts_stay_empty()
    {
        var sop = await SecondSopAsync("akta-mulai", "800/031/SOP/DKPS/2024");
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);

        var started = await Workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "  Akta kelahiran Budi  ", BidangId = fungsional.BidangId }, fungsional.Id);

        Assert.True(started.Succeeded, started.Message);
        Assert.Equal("Pelaksanaan \"Akta kelahiran Budi\" dimulai di langkah 1.", started.Message);
        await using var db = app.CreateDbContext();
        var item = await db.Innovations.Include(i => i.SopDefinition).Include(i => i.StepRuns).SingleAsync(i => i.Id == started.InnovationId);
        Assert.Equal((sop.Id, "Akta kelahiran Budi", fungsional.BidangId!.Value, fungsional.Id), (item.SopDefinition!.SopId, item.Title, item.BidangId, item.ProposerId));
        Assert.Equal(("", "", "", ""), (item.Summary, item.Background, item.Goal, item.Benefit));
        Assert.Equal(new DateOnly(2026, 11, 4), item.StartDate);
        var run = Assert.Single(item.StepRuns);
        Assert.Equal((1, (DateTimeOffset?)null), (run.StepNumber, run.FinishedAt));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.InnovationId == item.Id && a.Action == AuditActions.InnovationCreated));
    }

    [Fact]
    public async Task Whoever_does_not_hold_the_first_steps_level_or_names_another_bidang_is_refused_and_nothing_is_stored()
    {
        var sop = await SecondSopAsync("akta-tolak", "800/032/SOP/DKPS/2024");
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var kabid = await app.UserAsync(DemoPeople.KabidPdip);
        var dafduk = (await app.UserAsync(DemoPeople.FungsionalDafduk)).BidangId;
        var before = await CountAsync();

        var wrongLevel = await Workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta dari Kepala Bidang", BidangId = kabid.BidangId }, kabid.Id);
        var otherBidang = await Workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akta untuk bidang lain", BidangId = dafduk }, fungsional.Id);
        var noTitle = await Workflow.CreateItemAsync(sop.Id, new SopItemDetails { Title = "Akt", BidangId = fungsional.BidangId }, fungsional.Id);
        var noSop = await Workflow.CreateItemAsync(987654, new SopItemDetails { Title = "Akta tanpa SOP", BidangId = fungsional.BidangId }, fungsional.Id);

        Assert.Equal("Hanya Petugas Pelayanan yang dapat memulai pelaksanaan SOP ini.", wrongLevel.Message);
        Assert.StartsWith("Anda tidak dapat memulai pelaksanaan SOP ini untuk bidang itu", otherBidang.Message);
        Assert.Equal("Judul wajib diisi, minimal 5 karakter.", noTitle.Message);
        Assert.Equal("SOP tidak ditemukan.", noSop.Message);
        Assert.All([wrongLevel, otherBidang, noTitle, noSop], r => Assert.False(r.Succeeded));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Each_SOP_takes_its_own_form_an_innovation_needs_the_SINOVIK_record_and_a_run_of_another_SOP_does_not()
    {
        var sop = await SecondSopAsync("akta-formulir", "800/033/SOP/DKPS/2024");
        var innovationSop = await app.InnovationSopIdAsync();
        var fungsional = await app.UserAsync(DemoPeople.FungsionalPdip);
        var before = await CountAsync();

        var runAsInnovation = await Workflow.CreateItemAsync(innovationSop, new SopItemDetails { Title = "Inovasi tanpa isian", BidangId = fungsional.BidangId }, fungsional.Id);
        var innovationOnOtherSop = await Workflow.CreateAsync(sop.Id, WorkflowServiceTests.Details("Inovasi di SOP akta"), fungsional.Id);

        Assert.Equal("Inovasi diusulkan dengan formulir usulan inovasi, yang memuat isian SINOVIK.", runAsInnovation.Message);
        Assert.Equal("SOP ini tidak menjalankan inovasi: mulai pelaksanaannya dari papan SOP itu.", innovationOnOtherSop.Message);
        Assert.Equal(before, await CountAsync());

        var innovation = await Workflow.CreateAsync(innovationSop, WorkflowServiceTests.Details("Inovasi di SOP inovasi"), fungsional.Id);
        Assert.True(innovation.Succeeded, innovation.Message);
        await using var db = app.CreateDbContext();
        Assert.Equal(innovationSop, await db.Innovations.Where(i => i.Id == innovation.InnovationId).Select(i => i.SopDefinition!.SopId).SingleAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Innovations.CountAsync();
    }

    private Task<SopSummary> SecondSopAsync(string slug, string nomor) =>
        app.AddSopAsync(slug, $"Pelayanan Akta ({slug})", nomor, TestSops.StaffHeadAndChief,
            TestSops.Step(1, "Periksa berkas", 0, duration: new SopDuration(1, DurationUnit.WorkingDays)),
            TestSops.Step(2, "Verifikasi berkas", 1, StepKind.Verify, returnTo: 1),
            TestSops.Step(3, "Tanda tangan akta", 2, StepKind.Approve));
}
