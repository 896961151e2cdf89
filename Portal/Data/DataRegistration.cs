using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

public static class DataRegistration
{
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        var dataDirectory = DataDirectory(builder.Configuration, builder.Environment);
        DataFolder.CreatePrivate(dataDirectory);

        var connectionString = builder.Configuration.GetConnectionString("Portal")
            ?? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "portal.db"),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();

        builder.Services.AddDbContextFactory<PortalDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.Configure<Entities.PortalSettings>(builder.Configuration.GetSection("Settings"));
        builder.Services.AddSingleton<SettingsStore>();
        // Keys live beside the data so sign-in cookies survive a restart (the TV screen reconnects alone).
        builder.Services.AddDataProtection()
            .SetApplicationName("Portal.Inovasi")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        return builder;
    }

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.DataDirectory)}"] ?? "data";
        return Path.GetFullPath(configured, environment.ContentRootPath);
    }

    /// <summary>Per-connection settings; WAL itself is persistent and set once at start-up.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
