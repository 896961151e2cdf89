using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Alerts;
using Portal.Features.Outputs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// The disk holding the uploads turns read-only under a running portal (a failing disk the kernel remounts): an upload
/// is refused with an Indonesian message and no server path, leaves nothing behind, the administrators are alerted,
/// and once the disk is writable again the same upload succeeds.
/// </summary>
public sealed class ReadOnlyDiskTests : IDisposable
{
    private const string UnwritableMessage = "Penyimpanan server tidak dapat ditulis; hubungi administrator.";

    private readonly string dataDirectory = PortalAppFactory.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
    }

    [RequiresMountFact]
    public async Task An_upload_to_a_disk_turned_read_only_is_refused_in_words_and_succeeds_when_it_is_writable_again()
    {
        using var uploadsDisk = Tmpfs.Mount(megabytes: 16, at: Path.Combine(dataDirectory, "lampiran"));
        await using var app = new PortalAppFactory(dataDirectory: dataDirectory, settings: new Dictionary<string, string?> { ["Alerts:RunServer"] = "false" });
        var outputs = app.Get<StepOutputs>();
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<Portal.Features.Workflow.WorkflowService>().CreateAsync(
            Portal.Tests.Features.Workflow.WorkflowServiceTests.Details("Inovasi dengan lampiran di disk rusak"), fungsional);
        var id = created.InnovationId!.Value;

        uploadsDisk.RemountReadOnly();
        try
        {
            using var content = new MemoryStream(DemoDocument.Pdf("Keluaran langkah"));
            var upload = await outputs.UploadAsync(id, "keluaran.pdf", content, fungsional);
            Assert.False(upload.Succeeded);
            Assert.Equal(UnwritableMessage, upload.Message);
        }
        finally
        {
            uploadsDisk.RemountWritable();
        }

        await using (var db = app.CreateDbContext())
            Assert.False(await db.Attachments.AnyAsync(a => a.InnovationId == id));
        Assert.Empty(Directory.EnumerateFileSystemEntries(outputs.TemporaryFolder));
        var alerts = app.Get<SystemAlerts>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await alerts.OpenKeysAsync()).Contains("storage-unwritable"))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the administrators were not alerted about the read-only disk");
            await Task.Delay(20);
        }
        await app.AttachAsync(id, fungsional);
    }
}
