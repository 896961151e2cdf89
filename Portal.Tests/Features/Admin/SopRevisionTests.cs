using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.SopEditor;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>SOP edits make a new version; innovations keep the version they started with.</summary>
public sealed class SopRevisionTests(SopRevisionTests.App app) : IClassFixture<SopRevisionTests.App>
{
    // Mon 2 Nov 2026 10:00 WITA.
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    public sealed class App() : PortalAppFactory(new TestClock(Monday));

    private TestClock Clock => (TestClock)app.Get<TimeProvider>();
    private SopAdministration Administration => app.Get<SopAdministration>();
    private WorkflowService Workflow => app.Get<WorkflowService>();

    [Fact]
    public async Task A_new_version_changes_the_due_dates_of_new_innovations_only()
    {
        Clock.Now = Monday;
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var running = await Workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi yang sudah berjalan"), fungsional);
        var (_, before) = await app.Get<SopCatalog>().CurrentAsync();

        var (_, revision) = await Administration.StartRevisionAsync(await app.InnovationSopIdAsync());
        var step2 = revision.Steps.Single(s => s.Number == 2);
        step2.DurationValue = 4;
        revision.ChangeNote = "Penyusunan konsep butuh waktu lebih (nota dinas 12/2026).";
        var saved = await Administration.SaveNewVersionAsync(revision, admin);

        Assert.True(saved.Succeeded, saved.Message);
        var (_, after) = await app.Get<SopCatalog>().CurrentAsync();
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(new SopDuration(4, DurationUnit.WorkingDays), after.Step(2).Duration);
        Assert.Equal(new SopDuration(2, DurationUnit.WorkingDays), before.Step(2).Duration);

        var created = await Workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi sesudah SOP diubah"), fungsional);
        await app.AttachAsync(running.InnovationId!.Value, fungsional);
        await app.AttachAsync(created.InnovationId!.Value, fungsional);
        var runningMoved = await Workflow.MoveAsync(new MoveCommand(running.InnovationId!.Value, running.Version!.Value, WorkflowActionKind.Advance), fungsional);
        var createdMoved = await Workflow.MoveAsync(new MoveCommand(created.InnovationId!.Value, created.Version!.Value, WorkflowActionKind.Advance), fungsional);
        Assert.True(runningMoved.Succeeded && createdMoved.Succeeded, runningMoved.Message + createdMoved.Message);

        await using var db = app.CreateDbContext();
        // Step 2 starts Mon 2 Nov 10:00 WITA: 2 working days → Wed 4 Nov 16:00 WITA; 4 → Fri 6 Nov 16:00 WITA.
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), await DueOfStep2Async(db, running.InnovationId!.Value));
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 8, 0, 0, TimeSpan.Zero), await DueOfStep2Async(db, created.InnovationId!.Value));
        var versions = await db.Innovations.Where(i => i.Id == running.InnovationId || i.Id == created.InnovationId)
            .OrderBy(i => i.Id).Select(i => i.SopDefinition!.Version).ToListAsync();
        Assert.Equal([before.Version, after.Version], versions);

        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.SopChanged).OrderBy(a => a.Id).LastAsync();
        Assert.Equal($"Versi {after.Version}: langkah 2 (Konsep inovasi): Waktu: 2 hari → 4 hari", audit.Detail);
        Assert.Equal(revision.ChangeNote, audit.Reason);
        Assert.Equal(revision.ChangeNote, (await db.SopDefinitions.SingleAsync(s => s.Version == after.Version)).ChangeNote);
    }

    public static TheoryData<string, string> InvalidRevisions => new()
    {
        { "no note", "Catatan perubahan wajib diisi" },
        { "no change", "Tidak ada perubahan pada langkah atau isian SOP" },
        { "return from a work step", "hanya langkah verifikasi atau persetujuan yang dapat mengembalikan" },
        { "return forwards", "tujuan pengembalian harus langkah sebelumnya" },
        { "zero days", "waktu harus 1 sampai 365 hari kerja" },
        { "too many hours", "Langkah 9: waktu harus 1 sampai 200 jam kerja." },
        { "too many minutes", "Langkah 9: waktu harus 1 sampai 600 menit kerja." },
        { "stale", "Muat ulang halaman" },
        { "not an administrator", "Anda tidak berwenang" },
    };

    [Theory]
    [MemberData(nameof(InvalidRevisions))]
    public async Task An_invalid_revision_is_refused_with_a_message_and_no_version_is_stored(string problem, string expected)
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var (_, revision) = await Administration.StartRevisionAsync(await app.InnovationSopIdAsync());
        revision.ChangeNote = problem == "no note" ? "ubah" : "Perubahan untuk pengujian aturan SOP.";
        var actor = problem == "not an administrator" ? await app.IdAsync(DemoPeople.KepalaDinas) : admin;
        switch (problem)
        {
            case "no note" or "stale" or "not an administrator":
                revision.Steps.Single(s => s.Number == 9).DurationValue = 3;
                break;
            case "return from a work step":
                revision.Steps.Single(s => s.Number == 6).ReturnToStep = 2;
                break;
            case "return forwards":
                revision.Steps.Single(s => s.Number == 3).ReturnToStep = 5;
                break;
            case "zero days":
                revision.Steps.Single(s => s.Number == 1).DurationValue = 0;
                break;
            case "too many hours":
                (revision.Steps.Single(s => s.Number == 9).DurationValue, revision.Steps.Single(s => s.Number == 9).DurationUnit) = (201, DurationUnit.WorkingHours);
                break;
            case "too many minutes":
                (revision.Steps.Single(s => s.Number == 9).DurationValue, revision.Steps.Single(s => s.Number == 9).DurationUnit) = (601, DurationUnit.WorkingMinutes);
                break;
        }
        if (problem == "stale") revision.BasedOnDefinitionId -= 1;
        await using var before = app.CreateDbContext();
        var versions = await before.SopDefinitions.CountAsync();

        var result = await Administration.SaveNewVersionAsync(revision, actor);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        await using var after = app.CreateDbContext();
        Assert.Equal(versions, await after.SopDefinitions.CountAsync());
    }

    private static Task<DateTimeOffset?> DueOfStep2Async(Portal.Data.PortalDbContext db, int innovationId) =>
        db.StepRuns.Where(r => r.InnovationId == innovationId && r.StepNumber == 2).Select(r => r.DueAt).SingleAsync();
}
