using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>Backups of the demo portal on a real SQLite file, with the portal in use.</summary>
public sealed class BackupTests(BackupPortal app) : IClassFixture<BackupPortal>
{
    private BackupJob Job => app.Get<BackupJob>();

    [Fact]
    public async Task A_backup_is_a_verified_copy_taken_at_the_portal_clock_with_the_live_counts_schema_keys_and_attachments()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi sebelum cadangan"), fungsional);
        await app.AttachAsync(created.InnovationId!.Value, fungsional);
        app.Clock.Now = TestInstants.Wita(2026, 12, 1, 2, 0);

        var outcome = await Job.TakeAsync(BackupReason.Scheduled);

        Assert.True(outcome.Succeeded, outcome.Message);
        var manifest = outcome.Manifest!;
        Assert.Equal(TestInstants.Wita(2026, 12, 1, 2, 0), manifest.TakenAt);
        Assert.StartsWith("20261201-020000-terjadwal", manifest.Id);
        await using var db = app.CreateDbContext();
        Assert.Equal((await db.Database.GetAppliedMigrationsAsync()).Last(), manifest.Schema);
        Assert.Equal(await db.Innovations.LongCountAsync(), manifest.RowCount("Innovations"));
        Assert.Equal(await db.AuditEntries.LongCountAsync(), manifest.RowCount("AuditEntries"));
        Assert.Equal(await db.Users.LongCountAsync(), manifest.RowCount("AspNetUsers"));

        var stored = await db.Attachments.Select(a => a.StoredName).OrderBy(n => n).ToListAsync();
        Assert.Equal(stored, manifest.Attachments.Select(a => a.StoredName).Order(StringComparer.Ordinal));
        foreach (var name in stored)
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "lampiran", name)),
                await File.ReadAllBytesAsync(Path.Combine(app.BackupFolder, "lampiran", name)));

        var liveKeys = Directory.GetFiles(Path.Combine(app.DataDirectory, "keys")).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(liveKeys);
        Assert.Equal(liveKeys, Directory.GetFiles(Path.Combine(app.FolderOf(manifest), "keys")).Select(Path.GetFileName).Order());

        var copy = Path.Combine(app.FolderOf(manifest), "portal.db");
        Assert.Equal(new FileInfo(copy).Length, manifest.DatabaseBytes);
        Assert.Null(SqliteFileCheck.Problem(copy, manifest.RowCounts));
        Assert.False(File.Exists(copy + "-wal"));
        Assert.Equal(manifest, BackupManifest.Read(Path.Combine(app.FolderOf(manifest), "manifest.json"))! with
        {
            RowCounts = manifest.RowCounts, Attachments = manifest.Attachments, KeyFiles = manifest.KeyFiles,
        });
    }

    [Fact]
    public async Task Attachments_already_backed_up_are_not_copied_again_and_a_new_upload_is()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi dengan dua lampiran"), fungsional);
        await app.AttachAsync(created.InnovationId!.Value, fungsional, "pertama.pdf");
        app.Clock.Now += TimeSpan.FromMinutes(1);
        await Job.TakeAsync(BackupReason.Manual);
        var sharedFiles = SharedFiles();

        app.Clock.Now += TimeSpan.FromMinutes(1);
        var again = (await Job.TakeAsync(BackupReason.Manual)).Manifest!;
        Assert.Equal((0, 0L), (again.NewAttachmentFiles, again.NewAttachmentBytes));
        Assert.Equal(sharedFiles, SharedFiles());

        await app.AttachAsync(created.InnovationId!.Value, fungsional, "kedua.pdf");
        app.Clock.Now += TimeSpan.FromMinutes(1);
        var afterUpload = (await Job.TakeAsync(BackupReason.Manual)).Manifest!;

        await using var db = app.CreateDbContext();
        var second = await db.Attachments.SingleAsync(a => a.InnovationId == created.InnovationId && a.FileName == "kedua.pdf");
        Assert.Equal((1, second.SizeBytes), (afterUpload.NewAttachmentFiles, afterUpload.NewAttachmentBytes));
        Assert.Equal(again.Attachments.Count + 1, afterUpload.Attachments.Count);
        Assert.True(afterUpload.Verified, afterUpload.Problem);
    }

    [Fact]
    public async Task A_backup_taken_while_people_keep_moving_and_creating_is_one_consistent_snapshot()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        using var stop = new CancellationTokenSource();
        using var progress = new SemaphoreSlim(0);
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var created = await workflow.CreateAsync(WorkflowServiceTests.Details($"Inovasi saat pencadangan {written}"), fungsional);
                Assert.True(created.Succeeded, created.Message);
                written++;
                progress.Release();
            }
        });
        for (var i = 0; i < 3; i++) await progress.WaitAsync();

        var manifests = new List<BackupManifest>();
        for (var i = 0; i < 3; i++)
        {
            // However busy the machine, someone saves again between two backups: forget the saves seen, wait for a new one.
            if (i > 0)
            {
                while (progress.CurrentCount > 0) await progress.WaitAsync();
                await progress.WaitAsync();
            }
            manifests.Add((await Job.TakeAsync(BackupReason.Manual)).Manifest!);
        }
        await stop.CancelAsync();
        await writer;

        Assert.All(manifests, m => Assert.True(m.Verified, m.Problem));
        var innovations = manifests.Select(m => m.RowCount("Innovations")).ToList();
        Assert.True(innovations[0] < innovations[2], "people kept creating while the backups ran");
        // An innovation is created with its first step run in one transaction: every snapshot keeps the difference the live data has.
        await using var db = app.CreateDbContext();
        var liveDifference = await db.StepRuns.LongCountAsync() - await db.Innovations.LongCountAsync();
        Assert.All(manifests, m => Assert.Equal(liveDifference, m.RowCount("StepRuns") - m.RowCount("Innovations")));
    }

    [Fact]
    public async Task A_backup_folder_that_cannot_be_written_fails_with_a_message_that_names_no_server_path()
    {
        var blocked = Path.Combine(app.BackupFolder, "terhalang");
        await using var broken = new BackupApp(TestInstants.Wita(2026, 11, 30, 2, 0), new Dictionary<string, string?> { ["Backups:Folder"] = Path.Combine(blocked, "cadangan") });
        Directory.CreateDirectory(app.BackupFolder);
        await File.WriteAllTextAsync(blocked, "bukan folder");
        try
        {
            var outcome = await broken.Get<BackupJob>().TakeAsync(BackupReason.Scheduled);

            Assert.False(outcome.Succeeded);
            Assert.Null(outcome.Manifest);
            Assert.Contains("Pencadangan gagal", outcome.Message);
            Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), outcome.Message);
            Assert.Equal(outcome.Message, (await broken.Get<BackupMonitor>().ReadAsync()).LastFailure?.Message);
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [Fact]
    public async Task After_each_good_backup_retention_keeps_the_newest_of_each_day_and_what_it_needs_still_restores()
    {
        for (var day = 10; day <= 12; day++)
        {
            app.Clock.Now = TestInstants.Wita(2026, 12, day, 2, 0);
            Assert.True((await Job.TakeAsync(BackupReason.Scheduled)).Succeeded);
            app.Clock.Now = TestInstants.Wita(2026, 12, day, 9, 30);
            Assert.True((await Job.TakeAsync(BackupReason.Manual)).Succeeded);
        }

        var december = app.Get<PortalBackup>().List().Where(b => b.TakenAt >= TestInstants.Wita(2026, 12, 10, 0, 0)).ToList();
        Assert.Equal(["20261212-093000-manual", "20261211-093000-manual", "20261210-093000-manual"], december.Select(b => b.Id));
        Assert.Equal(december.Count, Directory.GetDirectories(app.BackupFolder, "202612*").Length);

        var target = PortalAppFactory.NewDataDirectory();
        try
        {
            Assert.Equal(RestoreCommand.Restored, await RestoreCommand.RestoreAsync(app.FolderOf(december[^1]), target, new StringWriter(), OfficeZone.Wita));
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_that_fails_its_checks_is_listed_as_failed_alerts_and_cannot_be_restored()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var id = (await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi yang berkasnya hilang"), fungsional)).InnovationId!.Value;
        await app.AttachAsync(id, fungsional, "berkas yang hilang.pdf");
        await using var db = app.CreateDbContext();
        var storedName = await db.Attachments.Where(a => a.InnovationId == id).Select(a => a.StoredName).SingleAsync();
        var live = Path.Combine(app.DataDirectory, "lampiran", storedName);
        File.Move(live, live + ".disisihkan");
        try
        {
            app.Clock.Now += TimeSpan.FromMinutes(1);
            var outcome = await Job.TakeAsync(BackupReason.Manual);

            Assert.False(outcome.Succeeded);
            Assert.False(outcome.Manifest!.Verified);
            Assert.Contains($"Lampiran {storedName} tidak ada di folder data", outcome.Manifest.Problem);
            Assert.Contains(outcome.Manifest.Id, app.Get<PortalBackup>().List().Where(b => !b.Verified).Select(b => b.Id));
            Assert.Contains(BackupTexts.FailedAlertKey, await app.Get<Portal.Features.Alerts.SystemAlerts>().OpenKeysAsync());

            var output = new StringWriter();
            Assert.Equal(RestoreCommand.Refused, await RestoreCommand.RestoreAsync(app.FolderOf(outcome.Manifest), PortalAppFactory.NewDataDirectory(), output, OfficeZone.Wita));
            Assert.Contains("tidak lolos pemeriksaan", output.ToString());
        }
        finally
        {
            File.Move(live + ".disisihkan", live);
        }
        app.Clock.Now += TimeSpan.FromMinutes(1);
        Assert.True((await Job.TakeAsync(BackupReason.Manual)).Succeeded);
        Assert.DoesNotContain(BackupTexts.FailedAlertKey, await app.Get<Portal.Features.Alerts.SystemAlerts>().OpenKeysAsync());
    }

    private List<(string, DateTime)> SharedFiles() =>
        Directory.GetFiles(Path.Combine(app.BackupFolder, "lampiran"), "*", SearchOption.AllDirectories)
            .Select(f => (f, File.GetLastWriteTimeUtc(f))).Order().ToList();
}
