using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Features.Outputs;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// The portal is killed with SIGKILL (no shutdown, as in a crash or a power cut of the process) in the middle of bursts
/// of moves and uploads, several times, and restarted each time. No move or upload it confirmed is lost, every stored
/// move kept its audit row and step run, SQLite's integrity check passes, and the leftovers of the cut-off uploads are
/// gone after the restart.
/// </summary>
[Trait("Category", "Faults")]
public sealed class SigkillTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 4;
    private const int InnovationsAtStep3 = 400;

    /// <summary>Confirmed moves to wait for in each burst before the kill: the kill lands while writers are busy.</summary>
    private const int MovesPerBurst = 100;

    // A bound against a hang, not a speed target: 35 s quiet, 54 s at load 28 on 2 cores.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string dataDirectory = PortalAppFactory.NewDataDirectory();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Killing_the_portal_during_bursts_of_moves_and_uploads_loses_no_confirmed_write_and_leaves_no_leftovers()
    {
        using var patience = new CancellationTokenSource(Patience);
        var watch = Stopwatch.StartNew();
        await using (var setup = new PortalAppFactory(dataDirectory: dataDirectory))
            await BulkInnovations.SeedAsync(setup, InnovationsAtStep3, setup.Get<TimeProvider>().GetUtcNow(), atStep: 3);

        output.WriteLine($"setup: {watch.Elapsed.TotalSeconds:F1} s");
        var confirmedMoves = new List<(int Id, long Version)>();
        var confirmedUploads = new List<Guid>();
        var removedAtStart = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            var burst = await RunAndKillAsync(patience.Token);
            output.WriteLine($"kill {kill}: {burst.Moves.Count} confirmed moves, {burst.Uploads.Count} confirmed uploads, "
                + $"{burst.RemovedLeftovers} leftovers removed at its start; ready after {burst.Ready.TotalSeconds:F1} s, killed {burst.Writing.TotalSeconds:F1} s later");
            Assert.True(burst.Moves.Count >= MovesPerBurst);
            confirmedMoves.AddRange(burst.Moves);
            confirmedUploads.AddRange(burst.Uploads);
            removedAtStart += burst.RemovedLeftovers;
        }

        Assert.Equal("ok", IntegrityCheck());
        await using var restarted = new PortalAppFactory(dataDirectory: dataDirectory);
        var uploads = restarted.Get<StepOutputs>().Folder;
        await using var db = restarted.CreateDbContext();
        var stored = await db.Innovations.Where(i => i.Title.StartsWith(MoveBurstChild.TitlePrefix))
            .Select(i => new
            {
                i.Id, i.Version,
                Runs = db.StepRuns.Count(r => r.InnovationId == i.Id),
                Moves = db.AuditEntries.Count(a => a.InnovationId == i.Id
                    && (a.Action == AuditActions.StepVerified || a.Action == AuditActions.StepApproved || a.Action == AuditActions.StepAdvanced)),
            })
            .ToDictionaryAsync(i => i.Id);
        Assert.All(confirmedMoves, move => Assert.True(stored[move.Id].Version >= move.Version,
            $"confirmed move of innovation {move.Id} to version {move.Version} is lost (stored version {stored[move.Id].Version})"));
        // Every stored move is whole: one version step, one audit row and one new step run each, never a part of them.
        Assert.All(stored.Values, i => Assert.Equal((i.Version - 1, i.Version - 1), ((long)i.Moves, (long)i.Runs - 1)));

        var attachments = await db.Attachments.Select(a => new { a.Id, a.StoredName }).ToListAsync();
        Assert.Subset(attachments.Select(a => a.Id).ToHashSet(), confirmedUploads.ToHashSet());
        Assert.All(attachments, a => Assert.True(File.Exists(Path.Combine(uploads, a.StoredName)), $"the file of attachment {a.Id} is missing"));
        var filesOnDisk = Directory.EnumerateFiles(uploads, "*.bin", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(uploads, f));
        Assert.Equal(attachments.Select(a => a.StoredName).Order(), filesOnDisk.Order());
        Assert.Empty(Directory.EnumerateFileSystemEntries(restarted.Get<StepOutputs>().TemporaryFolder));
        output.WriteLine($"{confirmedMoves.Count} confirmed moves and {confirmedUploads.Count} confirmed uploads over {Kills} kills, none lost; "
            + $"{removedAtStart} leftovers removed by the restarts in between");
    }

    private sealed record Burst(List<(int Id, long Version)> Moves, List<Guid> Uploads, int RemovedLeftovers, TimeSpan Ready, TimeSpan Writing);

    /// <summary>Starts the child portal, waits until it has confirmed a burst of moves, and kills it with SIGKILL.</summary>
    private async Task<Burst> RunAndKillAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Tests.dll"));
        start.ArgumentList.Add(MoveBurstChild.Verb);
        start.ArgumentList.Add(dataDirectory);

        var moves = new ConcurrentQueue<(int, long)>();
        var uploads = new ConcurrentQueue<Guid>();
        var removed = 0;
        var watch = Stopwatch.StartNew();
        var ready = TimeSpan.Zero;
        var errors = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, line) =>
        {
            var parts = line.Data?.Split(' ') ?? [];
            switch (parts)
            {
                case [MoveBurstChild.Moved, var id, var version]:
                    moves.Enqueue((int.Parse(id), long.Parse(version)));
                    if (moves.Count >= MovesPerBurst) enough.TrySetResult();
                    break;
                case [MoveBurstChild.Uploaded, var id]:
                    uploads.Enqueue(Guid.Parse(id));
                    break;
                case [MoveBurstChild.Ready]:
                    ready = watch.Elapsed;
                    break;
                case ["done"]:
                    enough.TrySetException(new InvalidOperationException("The child ran out of innovations to move before the kill."));
                    break;
                default:
                    if (line.Data?.Contains("Removed leftover upload ") == true) Interlocked.Increment(ref removed);
                    break;
            }
        };
        child.ErrorDataReceived += (_, line) => { if (line.Data is not null) errors.Enqueue(line.Data); };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            await enough.Task.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
        {
            throw new TimeoutException($"The child confirmed {moves.Count} moves, not {MovesPerBurst}. Its errors:\n{string.Join('\n', errors)}", exception);
        }
        finally
        {
            child.Kill(); // SIGKILL on Unix: no shutdown, no flush, no disposal.
            await child.WaitForExitAsync(CancellationToken.None);
        }
        // After the kill no more lines can arrive; what was read is exactly what the portal confirmed before it.
        return new Burst(moves.ToList(), uploads.ToList(), removed, ready, watch.Elapsed - ready);
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "portal.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
