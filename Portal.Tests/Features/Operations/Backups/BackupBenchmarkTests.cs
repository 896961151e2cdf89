using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>
/// Backup and restore time and size for the demo database and for 10,000 innovations (50,000 step runs and audit
/// rows). The figures go to the test output rather than being asserted, since the machine is shared.
/// </summary>
[Trait("Category", "Performance")]
public sealed class BackupBenchmarkTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Night = TestInstants.Wita(2026, 11, 30, 2, 0);

    [Fact]
    public async Task Backup_and_restore_of_the_demo_database()
    {
        await using var app = new BackupApp(Night);
        await MeasureAsync(app, "Demo database");
    }

    [Fact]
    public async Task Backup_and_restore_of_ten_thousand_innovations()
    {
        await using var app = new BackupApp(Night);
        var seeding = Stopwatch.StartNew();
        await BulkInnovations.SeedAsync(app, 10_000, Night, runsPerInnovation: 5);
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < 5; i++)
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO AuditEntries (At, ActorName, Action, InnovationId, FromStep, ToStep, Detail) " +
                    "SELECT CreatedAt, 'Uji beban', 'Diteruskan', Id, 1, 2, 'Langkah diteruskan pada uji beban cadangan' FROM Innovations WHERE Title LIKE 'Inovasi uji beban%';");
        }
        output.WriteLine($"Seeded 10,000 innovations, 50,000 step runs and 50,000 audit rows in {seeding.ElapsedMilliseconds:N0} ms.");
        await MeasureAsync(app, "10,000 innovations");
    }

    private async Task MeasureAsync(BackupApp app, string label)
    {
        var job = app.Get<BackupJob>();
        var first = Stopwatch.StartNew();
        var outcome = await job.TakeAsync(BackupReason.Manual);
        first.Stop();
        Assert.True(outcome.Succeeded, outcome.Message);
        var manifest = outcome.Manifest!;

        var later = new List<double>();
        for (var i = 1; i <= 3; i++)
        {
            app.Clock.Now = Night + TimeSpan.FromDays(i);
            var timer = Stopwatch.StartNew();
            var next = await job.TakeAsync(BackupReason.Scheduled);
            later.Add(timer.Elapsed.TotalMilliseconds);
            Assert.True(next.Succeeded, next.Message);
            Assert.Equal(0, next.Manifest!.NewAttachmentFiles);
        }

        var target = PortalAppFactory.NewDataDirectory();
        var restore = Stopwatch.StartNew();
        var exitCode = await RestoreCommand.RestoreAsync(Path.Combine(app.BackupFolder, manifest.Id), target, new StringWriter(), OfficeZone.Wita);
        restore.Stop();
        Directory.Delete(target, recursive: true);
        Assert.Equal(RestoreCommand.Restored, exitCode);

        output.WriteLine($"{label}: {manifest.RowCount("Innovations"):N0} innovations, {manifest.RowCount("StepRuns"):N0} step runs, {manifest.RowCount("AuditEntries"):N0} audit rows.");
        output.WriteLine($"  database copy {manifest.DatabaseBytes / 1024.0 / 1024:N2} MiB, attachments {manifest.Attachments.Count} files {manifest.AttachmentBytes / 1024.0:N0} KiB, keys {manifest.KeyFiles.Count}.");
        output.WriteLine($"  first backup (copies every attachment): {first.ElapsedMilliseconds:N0} ms (manifest: {manifest.DurationMilliseconds:N0} ms, verification included).");
        output.WriteLine($"  next nightly backups (no new attachments): {Figures.Summary(later)}.");
        output.WriteLine($"  restore into an empty folder (checks included): {restore.ElapsedMilliseconds:N0} ms.");
    }
}
