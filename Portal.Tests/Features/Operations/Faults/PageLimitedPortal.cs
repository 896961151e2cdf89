using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Faults;

/// <summary>
/// The real portal whose SQLite connections can be held to the database's present size (<c>PRAGMA max_page_count</c>):
/// a write that needs one more page then fails with SQLite's own SQLITE_FULL, "database or disk is full", exactly as on
/// a full disk, without needing a disk to fill.
/// </summary>
public sealed class PageLimitedPortal(TimeProvider? clock = null) : PortalAppFactory(clock)
{
    private readonly PageLimit limit = new();

    /// <summary>While true, every connection the portal opens may not grow the database file.</summary>
    public bool DatabaseFull
    {
        get => limit.Full;
        set => limit.Full = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(limit)));
    }

    private sealed class PageLimit : DbConnectionInterceptor
    {
        public volatile bool Full;

        // A limit below the present size is raised to it by SQLite: 1 means "no page more than now".
        private string Pragma => Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 2147483646;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
