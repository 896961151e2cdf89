using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Features.Operations.Faults;
using Portal.Features.Outputs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// A crash in the middle of an upload leaves a temporary file, or a stored file whose row was never committed. The next
/// start removes both and logs each; it keeps every recorded output, files that are not the portal's, and uploads
/// that began after the start.
/// </summary>
public sealed class LeftoverUploadCleanupTests : IDisposable
{
    private readonly string dataDirectory = PortalAppFactory.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_restart_removes_cut_off_uploads_and_stored_files_without_a_row_and_logs_each_but_keeps_recorded_outputs()
    {
        string uploads;
        List<string> recorded;
        await using (var first = new PortalAppFactory(dataDirectory: dataDirectory))
        {
            uploads = first.Get<StepOutputs>().Folder;
            await using var db = first.CreateDbContext();
            recorded = await db.Attachments.Select(a => a.StoredName).ToListAsync();
            // A data folder restored from a Windows server: its rows name files with backslashes.
            await db.Database.ExecuteSqlRawAsync("UPDATE Attachments SET StoredName = replace(StoredName, '/', '\\') WHERE rowid = (SELECT min(rowid) FROM Attachments)");
        }
        Assert.NotEmpty(recorded);

        // What a SIGKILL leaves: a temporary upload, and a stored file moved into place before its commit.
        var cutOff = Plant(uploads, Path.Combine("tmp", Guid.NewGuid().ToString("N")));
        var unrecorded = Plant(uploads, Path.Combine("2026", Guid.NewGuid().ToString("N") + ".bin"));
        // Not the portal's stored-name shape: an administrator's note, a file from an older year folder layout.
        var note = Plant(uploads, Path.Combine("2026", "catatan.txt"));
        var notAYear = Plant(uploads, Path.Combine("arsip", Guid.NewGuid().ToString("N") + ".bin"));

        var logs = new CollectedLogs();
        await using var restarted = new LoggedPortal(dataDirectory, logs);
        _ = restarted.Services;

        Assert.False(File.Exists(Path.Combine(uploads, cutOff)), "the cut-off upload is removed");
        Assert.False(File.Exists(Path.Combine(uploads, unrecorded)), "the stored file without a row is removed");
        Assert.All(recorded, name => Assert.True(File.Exists(Path.Combine(uploads, name)), $"recorded output {name} is kept"));
        Assert.True(File.Exists(Path.Combine(uploads, note)));
        Assert.True(File.Exists(Path.Combine(uploads, notAYear)));

        var cleanupLines = logs.Lines.Where(l => l.Category == typeof(LeftoverUploadCleanup).FullName).Select(l => l.Message).ToList();
        Assert.Contains(cleanupLines, line => line.Contains(cutOff));
        Assert.Contains(cleanupLines, line => line.Contains(unrecorded));
        Assert.DoesNotContain(cleanupLines, line => line.Contains("catatan.txt"));
    }

    [Fact]
    public async Task Uploads_that_began_after_the_start_are_left_alone()
    {
        await using var app = new PortalAppFactory(dataDirectory: dataDirectory);
        var uploads = app.Get<StepOutputs>().Folder;
        var streaming = Plant(uploads, Path.Combine("tmp", Guid.NewGuid().ToString("N")));
        var movedBeforeCommit = Plant(uploads, Path.Combine("2026", Guid.NewGuid().ToString("N") + ".bin"));

        var removed = await app.Get<LeftoverUploadCleanup>().RemoveLeftoversAsync();

        Assert.Empty(removed);
        Assert.True(File.Exists(Path.Combine(uploads, streaming)));
        Assert.True(File.Exists(Path.Combine(uploads, movedBeforeCommit)));
    }

    private static string Plant(string uploads, string relativePath)
    {
        var path = Path.Combine(uploads, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0x25, 0x50, 0x44, 0x46]);
        return relativePath;
    }

    private sealed class LoggedPortal(string dataDirectory, CollectedLogs logs) : PortalAppFactory(dataDirectory: dataDirectory)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}

/// <summary>
/// In an attachments folder shared by several instances (Portal:AttachmentsDirectory) a stored file placed minutes ago
/// may be waiting for its row to commit on another instance: a start leaves it, and removes older ones without a row.
/// </summary>
public sealed class SharedUploadsCleanupTests : IDisposable
{
    private readonly string shared = PortalAppFactory.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(shared)) Directory.Delete(shared, recursive: true);
    }

    [Fact]
    public async Task A_start_leaves_stored_files_placed_minutes_ago_in_a_shared_folder_and_removes_older_ones_without_a_row()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:AttachmentsDirectory"] = shared,
            ["Alerts:RunServer"] = "false",
        });
        var uploads = app.Get<StepOutputs>().Folder;
        // "Now" on the clock that stamps the files, as the cleanup itself reads it.
        var now = WrittenNow(Path.Combine(uploads, "penanda"));
        var committingElsewhere = Plant(uploads, Path.Combine("2026", Guid.NewGuid().ToString("N") + ".bin"), now - TimeSpan.FromMinutes(3));
        var unrecordedLongAgo = Plant(uploads, Path.Combine("2026", Guid.NewGuid().ToString("N") + ".bin"), now - TimeSpan.FromHours(2));

        var removed = await app.Get<LeftoverUploadCleanup>().RemoveLeftoversAsync();

        Assert.Equal([unrecordedLongAgo], removed);
        Assert.True(File.Exists(Path.Combine(uploads, committingElsewhere)));
    }

    private static DateTime WrittenNow(string marker)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        File.WriteAllBytes(marker, []);
        var now = File.GetLastWriteTimeUtc(marker);
        File.Delete(marker);
        return now;
    }

    private static string Plant(string uploads, string relativePath, DateTime lastWrite)
    {
        var path = Path.Combine(uploads, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0x25, 0x50, 0x44, 0x46]);
        File.SetLastWriteTimeUtc(path, lastWrite);
        // libfaketime (CI's run at another machine time) shifts the file times a process reads but stores the times
        // it sets as given: set again by the difference, so the file reads back as placed at the wanted time.
        var skew = File.GetLastWriteTimeUtc(path) - lastWrite;
        if (skew != TimeSpan.Zero) File.SetLastWriteTimeUtc(path, lastWrite - skew);
        return relativePath;
    }
}
