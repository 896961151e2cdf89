using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Outputs;

namespace Portal.Features.Operations.Faults;

/// <summary>
/// At start-up, removes what a crash or power cut left among the uploads: files in the temporary folder (an upload
/// cut off while streaming) and stored files that no attachment row names (moved into place before a commit that
/// never happened). Only files older than this start are touched, so an upload already under way is left alone; a
/// stored file counts only when its name has the stored-name shape (<c>yyyy/32 hex digits.bin</c>). Each removal is logged.
/// When several instances share the database (PostgreSQL) they may share the attachments too, and another instance may
/// be streaming an upload or about to commit one at this start: there only files untouched for an hour are leftovers.
/// </summary>
public sealed partial class LeftoverUploadCleanup(
    StepOutputs outputs,
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalDatabase database,
    ILogger<LeftoverUploadCleanup> logger) : IHostedService
{
    public static readonly TimeSpan SharedFolderGrace = TimeSpan.FromHours(1);

    /// <summary>When this start began, on the file system's own clock (file times are compared with it).</summary>
    private DateTime startedAt = DateTime.MinValue;

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex YearFolder();

    [GeneratedRegex("^[0-9a-f]{32}\\.bin$")]
    private static partial Regex StoredFileName();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        startedAt = MarkStart();
        await RemoveLeftoversAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes the leftovers older than this start; returns their paths relative to the uploads folder.</summary>
    public async Task<IReadOnlyList<string>> RemoveLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var removed = new List<string>();
        if (Directory.Exists(outputs.TemporaryFolder))
        {
            foreach (var file in new DirectoryInfo(outputs.TemporaryFolder).EnumerateFiles().Where(OlderThanStart))
                Remove(file, "temporary upload cut off", removed);
        }

        var stored = Directory.Exists(outputs.Folder)
            ? new DirectoryInfo(outputs.Folder).EnumerateDirectories().Where(d => YearFolder().IsMatch(d.Name))
                .SelectMany(d => d.EnumerateFiles().Where(f => StoredFileName().IsMatch(f.Name) && OlderThanStart(f) && NotInFlightElsewhere(f)))
                .ToList()
            : [];
        if (stored.Count > 0)
        {
            HashSet<string> recorded;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                recorded = (await db.Attachments.AsNoTracking().Select(a => a.StoredName).ToListAsync(cancellationToken)).Select(Portable).ToHashSet();
            foreach (var file in stored.Where(f => !recorded.Contains(Portable(Path.GetRelativePath(outputs.Folder, f.FullName)))))
                Remove(file, "stored file without an attachment row", removed);
        }

        if (removed.Count > 0) logger.LogWarning("Removed {Count} leftover upload file(s) from an earlier run: {Files}", removed.Count, removed);
        return removed;
    }

    /// <summary>Stored names use the separator of the server that stored them; a data folder restored on another system still matches.</summary>
    private static string Portable(string storedName) => storedName.Replace('\\', '/');

    private bool OlderThanStart(FileInfo file) => file.LastWriteTimeUtc < startedAt - (database.SharedByInstances ? SharedFolderGrace : TimeSpan.Zero);

    /// <summary>
    /// In a folder shared with other running instances a file placed just now may be waiting for its row to commit
    /// there: only files older than <see cref="SharedFolderMargin"/> count as left over.
    /// </summary>
    private bool NotInFlightElsewhere(FileInfo file) => !outputs.FolderIsShared || file.LastWriteTimeUtc.Add(SharedFolderMargin) < startedAt;

    private static readonly TimeSpan SharedFolderMargin = TimeSpan.FromMinutes(10);

    private void Remove(FileInfo file, string reason, List<string> removed)
    {
        var (name, bytes, lastWrite) = (Path.GetRelativePath(outputs.Folder, file.FullName), file.Length, file.LastWriteTimeUtc);
        try
        {
            file.Delete();
            removed.Add(name);
            logger.LogInformation("Removed leftover upload {File} ({Bytes} bytes, last written {LastWrite:u}): {Reason}", name, bytes, lastWrite, reason);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not remove leftover upload {File}", name);
        }
    }

    /// <summary>Writes and removes a marker file: its time is "now" on the same clock that stamps the uploads.</summary>
    private DateTime MarkStart()
    {
        Directory.CreateDirectory(outputs.TemporaryFolder);
        var marker = new FileInfo(Path.Combine(outputs.TemporaryFolder, $"start-{Guid.NewGuid():N}"));
        using (marker.Create()) { }
        marker.Refresh();
        var time = marker.LastWriteTimeUtc;
        marker.Delete();
        return time;
    }
}
