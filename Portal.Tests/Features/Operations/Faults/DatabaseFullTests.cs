using Microsoft.EntityFrameworkCore;
using Portal.Features.Operations.Faults;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Data;
using Portal.Domain;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// When the database can grow no more (SQLITE_FULL, here from a page limit on the real file), creates, moves and
/// uploads are refused with the Indonesian message from the issue, store nothing and leave no file behind; once
/// there is room again the same writes succeed.
/// </summary>
public sealed class DatabaseFullTests : IAsyncLifetime
{
    /// <summary>The message the issue asks for, word for word.</summary>
    private const string FullMessage = "Penyimpanan server penuh; hubungi administrator.";

    /// <summary>Enough writes to fill the last pages of any table (a 4 KiB page holds a few dozen rows); the database is full long before.</summary>
    private const int MaxWritesUntilFull = 400;

    private readonly PageLimitedPortal app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_create_on_a_full_database_is_refused_in_words_stores_nothing_and_succeeds_once_there_is_room()
    {
        var workflow = app.Get<WorkflowService>();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var (innovations, audits) = await CountsAsync();

        app.DatabaseFull = true;
        var (created, refused) = await FillingCreates.UntilRefusedAsync(workflow, fungsional, MaxWritesUntilFull);

        Assert.NotNull(refused);
        Assert.Equal(FullMessage, refused.Message);
        Assert.Equal((innovations + created, audits + created), await CountsAsync());
        Assert.True(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Full));

        app.DatabaseFull = false;
        var again = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi setelah ruang tersedia"), fungsional);
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal((innovations + created + 1, audits + created + 1), await CountsAsync());
        Assert.False(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Full));
    }

    [Fact]
    public async Task A_move_on_a_full_database_is_refused_in_words_and_leaves_the_innovation_as_it_was()
    {
        var workflow = app.Get<WorkflowService>();
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        const int verifyStep = 3; // from the SOP reading: the Kepala Bidang verifies step 3; no output needed
        await BulkInnovations.SeedAsync(app, MaxWritesUntilFull, app.Get<TimeProvider>().GetUtcNow(), atStep: verifyStep);
        List<int> ids;
        await using (var db = app.CreateDbContext())
            ids = await db.Innovations.Where(i => i.Title.StartsWith("Inovasi uji beban")).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();

        app.DatabaseFull = true;
        int? refusedId = null;
        WorkflowResult? refused = null;
        foreach (var id in ids)
        {
            var result = await workflow.MoveAsync(new MoveCommand(id, 1, WorkflowActionKind.Advance), kabid);
            if (result.Succeeded) continue;
            (refusedId, refused) = (id, result);
            break;
        }

        Assert.NotNull(refused);
        Assert.Equal(FullMessage, refused.Message);
        await using (var db = app.CreateDbContext())
        {
            var innovation = await db.Innovations.SingleAsync(i => i.Id == refusedId);
            Assert.Equal((verifyStep, 1L), (innovation.CurrentStep, innovation.Version));
            Assert.Equal(1, await db.StepRuns.CountAsync(r => r.InnovationId == refusedId));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.InnovationId == refusedId));
        }

        app.DatabaseFull = false;
        var again = await workflow.MoveAsync(new MoveCommand(refusedId!.Value, 1, WorkflowActionKind.Advance), kabid);
        Assert.True(again.Succeeded, again.Message);
    }

    [Fact]
    public async Task An_upload_on_a_full_database_is_refused_in_words_and_leaves_no_file_without_a_row()
    {
        var outputs = app.Get<StepOutputs>();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi dengan banyak lampiran"), fungsional);
        var innovationId = created.InnovationId!.Value;

        app.DatabaseFull = true;
        OutputResult? refused = null;
        for (var i = 0; refused is null && i < MaxWritesUntilFull; i++)
        {
            using var content = new MemoryStream(DemoDocument.Pdf("Keluaran", $"lampiran {i}.pdf"));
            var result = await outputs.UploadAsync(innovationId, $"lampiran {i}.pdf", content, fungsional);
            if (!result.Succeeded) refused = result;
        }

        Assert.NotNull(refused);
        Assert.Equal(FullMessage, refused.Message);
        await using (var db = app.CreateDbContext())
        {
            var recorded = await db.Attachments.Select(a => a.StoredName).ToListAsync();
            var onDisk = Directory.EnumerateFiles(outputs.Folder, "*.bin", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(outputs.Folder, path)).ToList();
            Assert.Equal(recorded.Order(), onDisk.Order());
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(outputs.TemporaryFolder));

        app.DatabaseFull = false;
        await app.AttachAsync(innovationId, fungsional, "lampiran setelah ruang tersedia.pdf");
    }

    [Fact]
    public async Task A_sign_in_whose_audit_row_cannot_be_stored_answers_with_the_message_and_no_server_detail()
    {
        using var client = app.NewClient();
        app.DatabaseFull = true;
        HttpResponseMessage? refused = null;
        // Each attempt with an unknown NIP appends one audit row, until the database has no page left for it.
        for (var i = 0; refused is null && i < MaxWritesUntilFull; i++)
        {
            var response = await client.SignInAsync($"19990101202001{i:D4}", "bukan-kata-sandinya");
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) refused = response;
            else Assert.Contains("NIP atau kata sandi salah.", await response.HtmlAsync());
        }

        Assert.NotNull(refused);
        var page = await refused.HtmlAsync();
        Assert.Contains(FullMessage, page);
        Assert.DoesNotContain(app.DataDirectory, page);
        Assert.DoesNotContain("Sqlite", page);
        Assert.DoesNotContain(" at ", page);
    }

    private async Task<(int Innovations, int Audits)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Innovations.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
