using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Alerts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// The copier on two real SQLite files (no server needed, so it runs everywhere): the demo portal copied into a new,
/// migrated file reads back the same through EF, every table of the model is copied, and a target with rows is refused.
/// The PostgreSQL side is tested by the move and backup tests.
/// </summary>
public sealed class DatabaseCopierTests(DemoPortal app) : IClassFixture<DemoPortal>, IDisposable
{
    private readonly string folder = PortalAppFactory.NewDataDirectory();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_demo_portal_copied_into_an_empty_database_reads_back_the_same_table_by_table()
    {
        await app.Get<OverdueScanJob>().RunAsync(CancellationToken.None);
        await using var target = await NewDatabaseAsync();
        await using var source = app.CreateDbContext();

        var report = await DatabaseCopier.CopyAsync(DatabaseCopier.Side.Current(source), DatabaseCopier.Side.Current(target));

        // Every table of the model, found from the model (a table added later is copied too), with as many rows as the source.
        Assert.Equal(source.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(), report.Tables.Select(t => t.Table).Order());
        Assert.All(report.Tables, table => Assert.Equal(table.SourceRows, table.TargetRows));
        Assert.Contains(report.Tables, table => table.Table == "Notifications" && table.TargetRows > 0);
        Assert.Empty(PortalDataDigest.Differences(PortalDataDigest.Of(source), PortalDataDigest.Of(target)));

        // Principal tables come before the tables that refer to them.
        var order = report.Tables.Select(t => t.Table).ToList();
        Assert.True(order.IndexOf("AspNetUsers") < order.IndexOf("Innovations"));
        Assert.True(order.IndexOf("Innovations") < order.IndexOf("StepRuns"));
        Assert.True(order.IndexOf("StepRuns") < order.IndexOf("Attachments"));
    }

    [Fact]
    public async Task A_target_that_holds_rows_is_refused_and_keeps_exactly_what_it_had()
    {
        await using var target = await NewDatabaseAsync();
        await using (var source = app.CreateDbContext())
            await DatabaseCopier.CopyAsync(DatabaseCopier.Side.Current(source), DatabaseCopier.Side.Current(target));
        var before = PortalDataDigest.Of(target);

        await using (var source = app.CreateDbContext())
        {
            var refused = await Assert.ThrowsAsync<DatabaseCopyRefusedException>(() =>
                DatabaseCopier.CopyAsync(DatabaseCopier.Side.Current(source), DatabaseCopier.Side.Current(target)));
            Assert.StartsWith("basis data tujuan sudah berisi data: ", refused.Message);
            Assert.Contains("Innovations (", refused.Message);
        }

        Assert.Empty(PortalDataDigest.Differences(before, PortalDataDigest.Of(target)));
    }

    private async Task<PortalDbContext> NewDatabaseAsync()
    {
        Directory.CreateDirectory(folder);
        var target = PortalDatabase.OpenSqliteFile(Path.Combine(folder, $"{Guid.NewGuid():N}.db"));
        await target.Database.MigrateAsync();
        return target;
    }
}
