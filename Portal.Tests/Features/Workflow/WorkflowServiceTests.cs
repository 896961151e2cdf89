using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Innovations;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Workflow;

public sealed class WorkflowServiceOnSqliteTests(WorkflowServiceOnSqliteTests.App app)
    : WorkflowServiceTests(app), IClassFixture<WorkflowServiceOnSqliteTests.App>
{
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(Start));
}

public sealed class WorkflowServiceOnPostgreSqlTests(WorkflowServiceOnPostgreSqlTests.App app)
    : WorkflowServiceTests(app), IClassFixture<WorkflowServiceOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : PortalAppFactory(new FakeTimeProvider(Start), provider: DatabaseProvider.PostgreSql);
}

/// <summary>The workflow service on a real database: every test runs on SQLite and on PostgreSQL (the subclasses above).</summary>
public abstract class WorkflowServiceTests : IAsyncLifetime
{
    // Mon 2 Nov 2026 10:00 WITA.
    protected static readonly DateTimeOffset Start = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly PortalAppFactory app;
    private readonly FakeTimeProvider clock;
    private readonly WorkflowService workflow;
    private string fungsional = "", kabid = "", kadis = "", fungsionalOtherBidang = "", kabidOtherBidang = "";

    protected WorkflowServiceTests(PortalAppFactory app)
    {
        this.app = app;
        clock = (FakeTimeProvider)app.Get<TimeProvider>();
        workflow = app.Get<WorkflowService>();
    }

    public async Task InitializeAsync()
    {
        fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        kabid = await app.IdAsync(DemoPeople.KabidPdip);
        kadis = await app.IdAsync(DemoPeople.KepalaDinas);
        fungsionalOtherBidang = await app.IdAsync(DemoPeople.FungsionalDafduk);
        kabidOtherBidang = await app.IdAsync(DemoPeople.KabidDafduk);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ProviderFact]
    public async Task A_full_run_with_two_returns_records_every_step_due_date_and_audit_row()
    {
        clock.SetUtcNow(Start);
        var created = await workflow.CreateAsync(Details("Antrean daring terpadu"), fungsional);
        Assert.True(created.Succeeded, created.Message);
        var id = created.InnovationId!.Value;
        var version = created.Version!.Value;

        async Task Move(string userId, WorkflowActionKind action, string? reason = null)
        {
            clock.Advance(TimeSpan.FromHours(2));
            if (userId != kadis && action == WorkflowActionKind.Advance && await IsWorkStepAsync(id)) await app.AttachAsync(id, userId);
            var result = await workflow.MoveAsync(new MoveCommand(id, await VersionAsync(id), action, reason), userId);
            Assert.True(result.Succeeded, result.Message);
            version = result.Version!.Value;
        }

        await Move(fungsional, WorkflowActionKind.Advance);                 // 1 → 2
        await Move(fungsional, WorkflowActionKind.Advance);                 // 2 → 3
        await Move(kabid, WorkflowActionKind.ReturnForRevision, "Analisis biaya belum ada.");  // 3 → 2
        await Move(fungsional, WorkflowActionKind.Advance);                 // 2 → 3
        await Move(kabid, WorkflowActionKind.Advance);                      // 3 → 4
        await Move(kadis, WorkflowActionKind.ReturnForRevision, "Jadwal uji coba belum jelas."); // 4 → 2
        await Move(fungsional, WorkflowActionKind.Advance);                 // 2 → 3
        await Move(kabid, WorkflowActionKind.Advance);                      // 3 → 4
        await Move(kadis, WorkflowActionKind.Advance);                      // 4 → 5
        await Move(kadis, WorkflowActionKind.Approve);                      // 5 → 6
        await Move(fungsional, WorkflowActionKind.Advance);                 // 6 → 7
        await Move(fungsional, WorkflowActionKind.Advance);                 // 7 → 8
        await Move(kabid, WorkflowActionKind.Advance);                      // 8 → 9
        await Move(fungsional, WorkflowActionKind.Advance);                 // 9 → 10
        await Move(kadis, WorkflowActionKind.Approve);                      // 10 → Selesai

        await using var db = app.CreateDbContext();
        var innovation = await db.Innovations.SingleAsync(i => i.Id == id);
        Assert.Equal(InnovationStatus.Selesai, innovation.Status);
        Assert.Equal(2, innovation.ReturnCount);

        var runs = await db.StepRuns.Where(r => r.InnovationId == id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([1, 2, 3, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8, 9, 10], runs.Select(r => r.StepNumber));
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
        Assert.Equal([1, 2, 3], runs.Where(r => r.StepNumber == 2).Select(r => r.RunNumber));
        Assert.Equal(StepOutcome.TidakSesuai, runs[2].Outcome);
        Assert.Equal("Analisis biaya belum ada.", runs[2].Note);

        // Step 1 started Mon 2 Nov 10:00 WITA with 2 minggu: due Mon 16 Nov 16:00 WITA (08:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), runs[0].DueAt);
        // Steps 3, 5 and 10 have no SOP time.
        Assert.All(runs.Where(r => r.StepNumber is 3 or 5 or 10), r => Assert.Null(r.DueAt));

        var audit = await db.AuditEntries.Where(a => a.InnovationId == id && a.Action != AuditActions.OutputUploaded).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(16, audit.Count);
        Assert.Equal(8, await db.AuditEntries.CountAsync(a => a.InnovationId == id && a.Action == AuditActions.OutputUploaded));
        Assert.Equal(AuditActions.InnovationCreated, audit[0].Action);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.StepReturned));
        Assert.Equal((4, 2), (audit[6].FromStep!.Value, audit[6].ToStep!.Value));
        Assert.Equal("Jadwal uji coba belum jelas.", audit[6].Reason);
        Assert.Equal(InnovationStatus.Selesai.Name(), audit[^1].ToStatus);
    }

    private async Task<long> VersionAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return (await db.Innovations.SingleAsync(i => i.Id == id)).Version;
    }

    private async Task<bool> IsWorkStepAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var innovation = await db.Innovations.SingleAsync(i => i.Id == id);
        return (await app.Get<SopCatalog>().GetAsync(innovation.SopDefinitionId)).Step(innovation.CurrentStep).RequiresOutput;
    }

    [ProviderFact]
    public async Task A_work_step_cannot_advance_until_its_output_is_attached()
    {
        var created = await workflow.CreateAsync(Details("Inovasi tanpa lampiran"), fungsional);
        var id = created.InnovationId!.Value;

        var refused = await workflow.MoveAsync(new MoveCommand(id, created.Version!.Value, WorkflowActionKind.Advance), fungsional);
        Assert.False(refused.Succeeded);
        Assert.Contains("Hasil identifikasi dan kajian", refused.Message);
        Assert.Contains("belum dilampirkan", refused.Message);

        await app.AttachAsync(id, fungsional, "hasil kajian.pdf");
        var advanced = await workflow.MoveAsync(new MoveCommand(id, await VersionAsync(id), WorkflowActionKind.Advance), fungsional);
        Assert.True(advanced.Succeeded, advanced.Message);
    }

    [ProviderFact]
    public async Task Two_concurrent_moves_of_one_innovation_one_wins_and_the_other_is_told_who_moved_it()
    {
        var created = await workflow.CreateAsync(Details("Layanan keliling kecamatan"), fungsional);
        var id = created.InnovationId!.Value;
        await app.AttachAsync(id, fungsional);
        var seenVersion = await VersionAsync(id);
        var colleague = await app.IdAsync(DemoPeople.FungsionalPdip2);

        var results = await Task.WhenAll(
            Task.Run(() => workflow.MoveAsync(new MoveCommand(id, seenVersion, WorkflowActionKind.Advance), fungsional)),
            Task.Run(() => workflow.MoveAsync(new MoveCommand(id, seenVersion, WorkflowActionKind.Advance), colleague)));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.StartsWith("Inovasi ini sudah dipindahkan oleh", loser.Message);

        await using var db = app.CreateDbContext();
        var innovation = await db.Innovations.SingleAsync(i => i.Id == id);
        Assert.Equal(2, innovation.CurrentStep);
        Assert.Equal(2, await db.StepRuns.CountAsync(r => r.InnovationId == id));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.InnovationId == id && a.Action == AuditActions.StepAdvanced));
    }

    [ProviderFact]
    public async Task A_move_from_a_stale_screen_is_refused_with_who_and_when_and_changes_nothing()
    {
        var created = await workflow.CreateAsync(Details("Pojok informasi adminduk"), fungsional);
        var id = created.InnovationId!.Value;
        await app.AttachAsync(id, fungsional);
        var seen = await VersionAsync(id);
        var first = await workflow.MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), fungsional);
        Assert.True(first.Succeeded);

        var stale = await workflow.MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), fungsional);

        Assert.False(stale.Succeeded);
        Assert.Contains("Rizky Ramadhan", stale.Message);
        Assert.Contains("WITA", stale.Message);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, (await db.Innovations.SingleAsync(i => i.Id == id)).CurrentStep);
    }

    public static TheoryData<string, WorkflowActionKind, string?, string> InvalidMoves => new()
    {
        { "kabid", WorkflowActionKind.Advance, null, "tugas Pejabat Fungsional" },
        { "fungsionalOther", WorkflowActionKind.Advance, null, "bidang lain" },
        { "fungsional", WorkflowActionKind.ReturnForRevision, "Alasan panjang cukup", "tidak dapat dikembalikan" },
        { "fungsional", WorkflowActionKind.Approve, null, "bukan langkah persetujuan" },
        { "fungsional", WorkflowActionKind.Cancel, "Dibatalkan karena dobel", "Hanya Administrator" },
        { "kabid", WorkflowActionKind.ReturnForRevision, "pendek", "minimal 10 karakter" },
    };

    [ProviderTheory]
    [MemberData(nameof(InvalidMoves))]
    public async Task Invalid_moves_are_refused_in_Indonesian_and_write_nothing(string who, WorkflowActionKind action, string? reason, string expected)
    {
        var created = await workflow.CreateAsync(Details("Kios informasi mandiri"), fungsional);
        var id = created.InnovationId!.Value;
        var userId = who switch { "kabid" => kabid, "fungsionalOther" => fungsionalOtherBidang, _ => fungsional };

        var result = await workflow.MoveAsync(new MoveCommand(id, created.Version!.Value, action, reason), userId);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        await using var db = app.CreateDbContext();
        var innovation = await db.Innovations.SingleAsync(i => i.Id == id);
        Assert.Equal((1, created.Version!.Value), (innovation.CurrentStep, innovation.Version));
        Assert.Equal(1, await db.StepRuns.CountAsync(r => r.InnovationId == id));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.InnovationId == id));
    }

    [ProviderFact]
    public async Task A_move_of_an_unknown_innovation_is_refused()
    {
        var result = await workflow.MoveAsync(new MoveCommand(999_999, 1, WorkflowActionKind.Advance), fungsional);
        Assert.Equal((false, "Inovasi tidak ditemukan."), (result.Succeeded, result.Message));
    }

    [ProviderFact]
    public async Task An_invalid_create_form_is_refused_and_nothing_is_stored()
    {
        await using var before = app.CreateDbContext();
        var count = await before.Innovations.CountAsync();

        var result = await workflow.CreateAsync(new InnovationDetails { Title = "Ab" }, fungsional);

        Assert.False(result.Succeeded);
        Assert.Contains("Judul wajib diisi", result.Message);
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Innovations.CountAsync());
    }

    [ProviderFact]
    public async Task Only_a_pejabat_fungsional_proposes_and_the_innovation_takes_their_bidang_and_the_current_SOP_version()
    {
        var refused = await workflow.CreateAsync(Details("Usulan oleh kepala bidang"), kabidOtherBidang);
        Assert.False(refused.Succeeded);
        Assert.Contains("Pejabat Fungsional", refused.Message);

        var created = await workflow.CreateAsync(Details("Usulan oleh fungsional Dafduk"), fungsionalOtherBidang);
        await using var db = app.CreateDbContext();
        var innovation = await db.Innovations.Include(i => i.Bidang).Include(i => i.SopDefinition).SingleAsync(i => i.Id == created.InnovationId);
        Assert.Equal("Dafduk", innovation.Bidang!.ShortName);
        Assert.Equal(1, innovation.SopDefinition!.Version);
    }

    [ProviderFact]
    public async Task Each_move_is_published_to_subscribers_after_it_is_stored()
    {
        var events = app.Get<InnovationEvents>();
        var received = new TaskCompletionSource<InnovationChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var created = await workflow.CreateAsync(Details("Notifikasi dokumen selesai"), fungsional);
        using var subscription = events.Subscribe(change =>
        {
            if (change.InnovationId == created.InnovationId && change.Action != AuditActions.OutputUploaded) received.TrySetResult(change);
            return Task.CompletedTask;
        });

        await app.AttachAsync(created.InnovationId!.Value, fungsional);
        await workflow.MoveAsync(new MoveCommand(created.InnovationId!.Value, await VersionAsync(created.InnovationId!.Value), WorkflowActionKind.Advance), fungsional);

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((1, 2), (change.FromStep, change.ToStep));
        await using var db = app.CreateDbContext();
        Assert.Equal(2, (await db.Innovations.SingleAsync(i => i.Id == change.InnovationId)).CurrentStep);
    }

    internal static InnovationDetails Details(string title) => new()
    {
        Title = title,
        Summary = "Ringkasan inovasi untuk pengujian alur kerja SOP.",
        Background = "Penduduk harus datang berulang kali ke kantor dinas.",
        Goal = "Mempercepat pelayanan.",
        Benefit = "Dokumen lebih cepat terbit.",
        Type = InnovationType.Digital,
        Affair = GovernmentAffair.PelayananPublik,
        StartDate = new DateTime(2026, 11, 2),
    };
}
