using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>
/// The documented restore command, run as the operator runs it (dotnet Portal.dll --pulihkan ...), into an empty
/// folder, and a portal started on the result.
/// </summary>
public sealed class RestoreTests(BackupPortal app) : IClassFixture<BackupPortal>
{
    [Fact]
    public async Task A_restored_backup_is_exactly_the_state_at_backup_time_attachments_and_keys_included()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var kept = (await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi yang dicadangkan"), fungsional)).InnovationId!.Value;
        await app.AttachAsync(kept, fungsional, "kajian yang dicadangkan.pdf");
        Assert.True((await AdvanceAsync(kept, fungsional)).Succeeded);
        var signedIn = app.Get<IDataProtectionProvider>().CreateProtector("Portal.Tests.Restore").Protect("tetap masuk");
        var atBackup = DatabaseDigest.Of(app.LiveDatabase);
        var manifest = await BackupAsync();

        // Work goes on after the backup: a move, a new innovation, an upload.
        var later = (await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi sesudah cadangan"), fungsional)).InnovationId!.Value;
        await app.AttachAsync(later, fungsional, "sesudah cadangan.pdf");
        Assert.True((await AdvanceAsync(later, fungsional)).Succeeded);
        Assert.NotEqual(atBackup, DatabaseDigest.Of(app.LiveDatabase));

        var target = PortalAppFactory.NewDataDirectory();
        try
        {
            var (exitCode, output) = await PortalProcess.RunAsync(RestoreCommand.Verb, app.FolderOf(manifest), RestoreCommand.DataOption, target);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Pemulihan selesai", output);

            await using var restored = new BackupApp(app.Clock.Now, new Dictionary<string, string?> { ["Portal:SeedDemoData"] = "false" }, target);
            restored.CreateClient();

            Assert.Equal(atBackup, DatabaseDigest.Of(restored.LiveDatabase));
            await using var db = restored.CreateDbContext();
            Assert.False(await db.Innovations.AnyAsync(i => i.Id == later));
            Assert.Equal(2, (await db.Innovations.SingleAsync(i => i.Id == kept)).CurrentStep);

            var kepalaDinas = await restored.IdAsync(DemoPeople.KepalaDinas);
            var attachments = await db.Attachments.ToListAsync();
            Assert.Equal(manifest.Attachments.Count, attachments.Count);
            foreach (var attachment in attachments)
            {
                var opened = await restored.Get<StepOutputs>().OpenAsync(attachment.Id, kepalaDinas);
                Assert.NotNull(opened);
                await using var content = opened.Value.Content;
                using var bytes = new MemoryStream();
                await content.CopyToAsync(bytes);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "lampiran", attachment.StoredName)), bytes.ToArray());
            }
            Assert.Equal(attachments.Count, Directory.GetFiles(Path.Combine(target, "lampiran"), "*", SearchOption.AllDirectories).Length);
            if (!OperatingSystem.IsWindows())
            {
                // The restored data is as private as the live data folder: nothing for group or others.
                const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                    | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
                foreach (var entry in Directory.GetFileSystemEntries(target, "*", SearchOption.AllDirectories).Append(target))
                    Assert.True((File.GetUnixFileMode(entry) & GroupOrOthers) == 0, $"{entry} is open to group or others");
            }

            Assert.Equal("tetap masuk", restored.Get<IDataProtectionProvider>().CreateProtector("Portal.Tests.Restore").Unprotect(signedIn));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_folder_that_is_not_empty_is_refused_with_a_non_zero_exit_code_and_left_as_it_was()
    {
        var manifest = await BackupAsync();
        var target = PortalAppFactory.NewDataDirectory();
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "portal.db"), "data yang masih dipakai");
        try
        {
            var (exitCode, output) = await PortalProcess.RunAsync(RestoreCommand.Verb, Path.Combine(app.FolderOf(manifest), "manifest.json"), RestoreCommand.DataOption, target);

            Assert.Equal(RestoreCommand.Refused, exitCode);
            Assert.Contains("Pemulihan ditolak", output);
            Assert.Contains("tidak kosong", output);
            Assert.Equal(["portal.db"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
            Assert.Equal("data yang masih dipakai", await File.ReadAllTextAsync(Path.Combine(target, "portal.db")));
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused()
    {
        var copy = await CopyOfBackupAsync("bukan-sqlite");
        await File.WriteAllTextAsync(Path.Combine(copy, "portal.db"), "Ini catatan rapat, bukan basis data.");

        var (exitCode, output, target) = await RestoreAsync(copy);

        Assert.Equal(RestoreCommand.Refused, exitCode);
        Assert.Contains("bukan basis data SQLite", output);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_damaged_database_is_refused()
    {
        var copy = await CopyOfBackupAsync("rusak");
        var database = Path.Combine(copy, "portal.db");
        await using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
        {
            // Zero a run of pages in the middle of the file, as a failing disk would.
            file.Position = file.Length / 2 / 4096 * 4096;
            await file.WriteAsync(new byte[4096 * 4]);
        }

        var (exitCode, output, target) = await RestoreAsync(copy);

        Assert.Equal(RestoreCommand.Refused, exitCode);
        Assert.Contains("basis data cadangan rusak", output);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_backup_from_a_newer_portal_is_refused()
    {
        var copy = await CopyOfBackupAsync("lebih-baru");
        var database = Path.Combine(copy, "portal.db");
        using (var connection = SqliteFileCheck.Open(database, readOnly: false))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromANewerPortal', '99.0.0');";
            command.ExecuteNonQuery();
        }
        var manifestPath = Path.Combine(copy, "manifest.json");
        var manifest = BackupManifest.Read(manifestPath)!;
        using (var connection = SqliteFileCheck.Open(database))
            (manifest with { Schema = "29990101000000_FromANewerPortal", RowCounts = SqliteFileCheck.RowCounts(connection) }).Write(manifestPath);

        var (exitCode, output, target) = await RestoreAsync(copy);

        Assert.Equal(RestoreCommand.Refused, exitCode);
        Assert.Contains("versi portal yang lebih baru (skema 29990101000000_FromANewerPortal)", output);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_backup_whose_attachment_is_missing_from_the_backup_folder_is_refused()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var id = (await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi dengan lampiran yang hilang"), fungsional)).InnovationId!.Value;
        await app.AttachAsync(id, fungsional, "akan hilang.pdf");
        var manifest = await BackupAsync();
        await using (var db = app.CreateDbContext())
        {
            var storedName = await db.Attachments.Where(a => a.InnovationId == id).Select(a => a.StoredName).SingleAsync();
            var shared = Path.Combine(app.BackupFolder, "lampiran", storedName);
            File.Move(shared, shared + ".disisihkan");
            try
            {
                var (exitCode, output, target) = await RestoreAsync(app.FolderOf(manifest));

                Assert.Equal(RestoreCommand.Refused, exitCode);
                Assert.Contains("1 lampiran yang dibutuhkan cadangan ini tidak ada", output);
                Assert.False(Directory.Exists(target));
            }
            finally
            {
                File.Move(shared + ".disisihkan", shared);
            }
        }
    }

    [Fact]
    public async Task A_path_without_a_backup_is_refused()
    {
        var (exitCode, output, target) = await RestoreAsync(Path.Combine(app.BackupFolder, "tidak-ada"));

        Assert.Equal(RestoreCommand.Refused, exitCode);
        Assert.Contains("cadangan tidak ditemukan", output);
        Assert.False(Directory.Exists(target));
    }

    private async Task<WorkflowResult> AdvanceAsync(int innovationId, string userId)
    {
        await using var db = app.CreateDbContext();
        var version = await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.Version).SingleAsync();
        return await app.Get<WorkflowService>().MoveAsync(new MoveCommand(innovationId, version, WorkflowActionKind.Advance), userId);
    }

    private async Task<BackupManifest> BackupAsync()
    {
        app.Clock.Now += TimeSpan.FromMinutes(1);
        var outcome = await app.Get<BackupJob>().TakeAsync(BackupReason.Manual);
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Manifest!;
    }

    /// <summary>A second backup folder beside the real one (sharing its attachments) that a test may damage.</summary>
    private async Task<string> CopyOfBackupAsync(string name)
    {
        var source = app.FolderOf(await BackupAsync());
        var copy = Path.Combine(app.BackupFolder, $"{Path.GetFileName(source)}-{name}");
        Directory.CreateDirectory(Path.Combine(copy, "keys"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(copy, Path.GetRelativePath(source, file)));
        return copy;
    }

    private static async Task<(int ExitCode, string Output, string Target)> RestoreAsync(string backup)
    {
        var target = PortalAppFactory.NewDataDirectory();
        var output = new StringWriter();
        var exitCode = await RestoreCommand.RestoreAsync(backup, target, output, OfficeZone.Wita);
        return (exitCode, output.ToString(), target);
    }
}
