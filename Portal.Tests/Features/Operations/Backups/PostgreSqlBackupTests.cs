using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>
/// Backups of a portal on PostgreSQL: the same form as on SQLite (a verified portal.db, keys/, manifest.json), taken from
/// one snapshot of the server; the documented restore command, run as the operator runs it, puts it into an empty
/// PostgreSQL database, where a portal finds exactly the state at backup time, attachments and sign-in keys included.
/// </summary>
public sealed class PostgreSqlBackupTests(PostgreSqlBackupTests.App app) : IClassFixture<PostgreSqlBackupTests.App>, IRunsOnPostgreSql, IDisposable
{
    /// <summary>The demo portal on its own PostgreSQL database, at 02:00 WITA on Monday 30 November 2026.</summary>
    public sealed class App() : BackupApp(TestInstants.Wita(2026, 11, 30, 2, 0), provider: DatabaseProvider.PostgreSql);

    private readonly List<string> databases = [];
    private readonly List<string> folders = [];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var database in databases) TestPostgreSql.DropDatabase(database);
        foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    [ProviderFact]
    public async Task A_backup_of_PostgreSQL_is_verified_and_restores_into_an_empty_PostgreSQL_database_exactly_as_it_was()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        var kept = (await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi yang dicadangkan dari PostgreSQL"), fungsional)).InnovationId!.Value;
        await app.AttachAsync(kept, fungsional, "kajian dari PostgreSQL.pdf");
        Assert.True((await AdvanceAsync(kept, fungsional)).Succeeded);
        var signedIn = app.Get<IDataProtectionProvider>().CreateProtector("Portal.Tests.Restore").Protect("tetap masuk");
        SortedDictionary<string, string> atBackup;
        int innovations;
        await using (var db = app.CreateDbContext())
        {
            atBackup = PortalDataDigest.Of(db);
            innovations = await db.Innovations.CountAsync();
        }

        var manifest = await BackupAsync();

        Assert.True(manifest.Verified, manifest.Problem);
        using (var sqlite = PortalDatabase.OpenSqliteFile(":memory:"))
            Assert.Equal(sqlite.Database.GetMigrations().Last(), manifest.Schema);
        Assert.Equal(innovations, manifest.RowCount("Innovations"));
        Assert.Null(SqliteFileCheck.Problem(Path.Combine(app.FolderOf(manifest), "portal.db"), manifest.RowCounts));
        Assert.NotEmpty(manifest.KeyFiles);
        Assert.All(manifest.KeyFiles, key => Assert.True(File.Exists(Path.Combine(app.FolderOf(manifest), "keys", key))));
        Assert.Contains(manifest.Attachments, a => File.Exists(Path.Combine(app.BackupFolder, "lampiran", a.StoredName)));

        // Work goes on after the backup.
        var later = (await workflow.CreateAsync(WorkflowServiceTests.Details("Inovasi sesudah cadangan PostgreSQL"), fungsional)).InnovationId!.Value;
        await app.AttachAsync(later, fungsional, "sesudah cadangan.pdf");

        var target = NewDatabase();
        var data = NewFolder();
        var (exitCode, output) = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__Portal"] = target },
            RestoreCommand.Verb, app.FolderOf(manifest), RestoreCommand.DataOption, data);
        Assert.True(exitCode == RestoreCommand.Restored, output);
        Assert.Contains("Pemulihan selesai", output);
        Assert.False(File.Exists(Path.Combine(data, "portal.db")));

        await using var restored = new BackupApp(app.Clock.Now, new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Portal"] = target,
            ["Portal:SeedDemoData"] = "false",
        }, data);
        restored.CreateClient();
        await using (var db = restored.CreateDbContext())
        {
            Assert.Empty(PortalDataDigest.Differences(atBackup, PortalDataDigest.Of(db)));
            Assert.False(await db.Innovations.AnyAsync(i => i.Id == later));
            var kepalaDinas = await restored.IdAsync(DemoPeople.KepalaDinas);
            foreach (var attachment in await db.Attachments.ToListAsync())
            {
                var opened = await restored.Get<StepOutputs>().OpenAsync(attachment.Id, kepalaDinas);
                Assert.NotNull(opened);
                await using var content = opened.Value.Content;
                using var bytes = new MemoryStream();
                await content.CopyToAsync(bytes);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "lampiran", attachment.StoredName)), bytes.ToArray());
            }
        }
        Assert.Equal("tetap masuk", restored.Get<IDataProtectionProvider>().CreateProtector("Portal.Tests.Restore").Unprotect(signedIn));
    }

    [ProviderFact]
    public async Task A_backup_of_PostgreSQL_also_restores_into_a_SQLite_data_folder()
    {
        SortedDictionary<string, string> atBackup;
        await using (var db = app.CreateDbContext())
            atBackup = PortalDataDigest.Of(db);
        var manifest = await BackupAsync();
        var data = Path.Combine(NewFolder(), "data");

        Assert.Equal(RestoreCommand.Restored, await RestoreCommand.RestoreAsync(app.FolderOf(manifest), data, new StringWriter(), OfficeZone.Wita));

        await using var restored = new BackupApp(app.Clock.Now, new Dictionary<string, string?> { ["Portal:SeedDemoData"] = "false" }, data);
        await using (var db = restored.CreateDbContext())
            Assert.Empty(PortalDataDigest.Differences(atBackup, PortalDataDigest.Of(db)));
        using var client = await restored.SignedInClientAsync(DemoPeople.FungsionalPdip);
    }

    [ProviderFact]
    public async Task A_restore_into_a_PostgreSQL_database_that_has_data_is_refused_and_changes_nothing()
    {
        var manifest = await BackupAsync();
        var live = app.Get<IConfiguration>().GetConnectionString("Portal")!;
        int before;
        await using (var db = app.CreateDbContext())
            before = await db.Innovations.CountAsync();
        var data = Path.Combine(NewFolder(), "data");
        var output = new StringWriter();

        var exitCode = await RestoreCommand.RestoreAsync(app.FolderOf(manifest), data, output, OfficeZone.Wita, live);

        Assert.Equal(RestoreCommand.Refused, exitCode);
        Assert.Contains("Pemulihan ditolak: basis data tujuan tidak kosong: ", output.ToString());
        Assert.False(Directory.Exists(data));
        await using (var db = app.CreateDbContext())
            Assert.Equal(before, await db.Innovations.CountAsync());
    }

    [ProviderFact]
    public async Task A_backup_taken_while_people_keep_creating_is_one_consistent_snapshot_of_the_server()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var workflow = app.Get<WorkflowService>();
        using var stop = new CancellationTokenSource();
        using var progress = new SemaphoreSlim(0);
        var writer = Task.Run(async () =>
        {
            for (var written = 0; !stop.IsCancellationRequested; written++)
            {
                var created = await workflow.CreateAsync(WorkflowServiceTests.Details($"Inovasi saat pencadangan PostgreSQL {written}"), fungsional);
                Assert.True(created.Succeeded, created.Message);
                progress.Release();
            }
        });
        await progress.WaitAsync();

        var manifests = new List<BackupManifest>();
        for (var i = 0; i < 2; i++)
        {
            // Someone saves again between two backups: forget the saves seen, wait for a new one.
            while (progress.CurrentCount > 0) await progress.WaitAsync();
            await progress.WaitAsync();
            manifests.Add(await BackupAsync());
        }
        await stop.CancelAsync();
        await writer;

        Assert.All(manifests, m => Assert.True(m.Verified, m.Problem));
        Assert.True(manifests[0].RowCount("Innovations") < manifests[1].RowCount("Innovations"), "people kept creating while the backups ran");
        // An innovation is created with its first step run in one transaction: every snapshot keeps the difference the live data has.
        await using var db = app.CreateDbContext();
        var liveDifference = await db.StepRuns.LongCountAsync() - await db.Innovations.LongCountAsync();
        Assert.All(manifests, m => Assert.Equal(liveDifference, m.RowCount("StepRuns") - m.RowCount("Innovations")));
    }

    [ProviderFact]
    public async Task Two_instances_backing_up_at_the_same_moment_into_one_folder_take_turns_and_both_backups_are_verified()
    {
        await using var second = new BackupApp(app.Clock.Now, new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Portal"] = app.Get<IConfiguration>().GetConnectionString("Portal"),
            ["Backups:Folder"] = app.BackupFolder,
            ["Portal:SeedDemoData"] = "false",
        }, app.DataDirectory);
        app.Clock.Now += TimeSpan.FromMinutes(1);
        second.Clock.Now = app.Clock.Now;

        var outcomes = await Task.WhenAll(app.Get<BackupJob>().TakeAsync(BackupReason.Manual), second.Get<BackupJob>().TakeAsync(BackupReason.Manual));

        // Each was written and verified in a folder of its own (retention then keeps the day's newest).
        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Message));
        var ids = outcomes.Select(o => o.Manifest!.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([ids[0], ids[0] + "-2"], ids);
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

    private string NewDatabase()
    {
        var database = TestPostgreSql.CreateDatabase();
        databases.Add(database);
        return database;
    }

    private string NewFolder()
    {
        var folder = PortalAppFactory.NewDataDirectory();
        folders.Add(folder);
        return folder;
    }
}
