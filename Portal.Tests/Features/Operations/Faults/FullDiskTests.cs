using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Operations.Faults;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// The portal's data folder on a real 8 MiB disk (tmpfs) that fills up: uploads, moves and creates are refused with
/// the Indonesian message and no server path, nothing is stored and no file is left, and the administrators are alerted
/// on the full disk itself; when space is freed, the same writes succeed again without a restart.
/// </summary>
public sealed class FullDiskTests
{
    private const string FullMessage = "Penyimpanan server penuh; hubungi administrator.";
    private const int VerifyStep = 3; // from the SOP reading: the Kepala Bidang verifies step 3; no output needed
    private const int Innovations = 40;

    [RequiresMountFact]
    public async Task On_a_full_disk_writes_are_refused_in_words_change_nothing_and_resume_once_space_is_freed()
    {
        using var disk = Tmpfs.Mount(megabytes: 8);
        await using var app = new PortalAppFactory(dataDirectory: disk.Folder, settings: new Dictionary<string, string?> { ["Alerts:RunServer"] = "false" });
        var workflow = app.Get<WorkflowService>();
        var outputs = app.Get<StepOutputs>();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        var administrator = await app.IdAsync(DemoPeople.Administrator);
        await BulkInnovations.SeedAsync(app, Innovations, app.Get<TimeProvider>().GetUtcNow(), atStep: VerifyStep);
        List<int> ids;
        int attachmentsBefore;
        await using (var db = app.CreateDbContext())
        {
            ids = await db.Innovations.Where(i => i.Title.StartsWith("Inovasi uji beban")).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
            attachmentsBefore = await db.Attachments.CountAsync();
            // An empty write-ahead log: the next write must take new space on the disk.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var filler = FillUp(disk.Folder, "pengisi-disk");

        using (var content = new MemoryStream(DemoDocument.Pdf("Keluaran langkah", "berkas besar")))
        {
            var upload = await outputs.UploadAsync(ids[0], "keluaran.pdf", content, kabid);
            Assert.False(upload.Succeeded);
            Assert.Equal(FullMessage, upload.Message);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(outputs.TemporaryFolder));

        // The administrators are alerted on the full disk itself, in the room the storage reserve gave up.
        await UntilAsync(async () => (await app.Get<SystemAlerts>().OpenKeysAsync()).Contains("storage-full"));
        await using (var db = app.CreateDbContext())
            Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == administrator && n.Title.EndsWith(": Penyimpanan server penuh")));
        Assert.False(File.Exists(Path.Combine(disk.Folder, StorageReserve.FileName)));
        var refiller = FillUp(disk.Folder, "pengisi-disk-2");

        var refusedMove = await MoveUntilRefusedAsync(workflow, ids, kabid);
        Assert.Equal(FullMessage, refusedMove.Result.Message);
        var create = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi saat disk penuh"), fungsional);
        Assert.False(create.Succeeded);
        Assert.Equal(FullMessage, create.Message);
        Assert.True(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Full));

        File.Delete(filler);
        File.Delete(refiller);

        await using (var db = app.CreateDbContext())
        {
            var innovation = await db.Innovations.SingleAsync(i => i.Id == refusedMove.Id);
            Assert.Equal((VerifyStep, 1L), (innovation.CurrentStep, innovation.Version));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.InnovationId == refusedMove.Id));
            Assert.Equal(attachmentsBefore, await db.Attachments.CountAsync());
            Assert.False(await db.Innovations.AnyAsync(i => i.Title == "Inovasi saat disk penuh"));
        }
        var moved = await workflow.MoveAsync(new MoveCommand(refusedMove.Id, 1, WorkflowActionKind.Advance), kabid);
        Assert.True(moved.Succeeded, moved.Message);
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi setelah disk lega"), fungsional);
        Assert.True(created.Succeeded, created.Message);
        await app.AttachAsync(created.InnovationId!.Value, fungsional);
        Assert.False(app.Get<StorageAlarm>().IsRefusing(StorageProblem.Full));
    }

    /// <summary>Moves innovations one by one until the disk refuses one (the log may still hold a little room).</summary>
    private static async Task<(int Id, WorkflowResult Result)> MoveUntilRefusedAsync(WorkflowService workflow, IEnumerable<int> ids, string kabid)
    {
        foreach (var id in ids)
        {
            var result = await workflow.MoveAsync(new MoveCommand(id, 1, WorkflowActionKind.Advance), kabid);
            if (!result.Succeeded) return (id, result);
        }
        throw new Xunit.Sdk.XunitException($"All {Innovations} moves were stored on a full disk.");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("Condition not met after 20 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Writes a file until the disk has not one byte left; returns its path.</summary>
    private static string FillUp(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var filler = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var chunk in new[] { 1 << 16, 1 << 12, 1 })
        {
            var bytes = new byte[chunk];
            try
            {
                while (true) filler.Write(bytes);
            }
            catch (IOException)
            {
                // This size no longer fits; try a smaller one.
            }
        }
        return path;
    }
}
