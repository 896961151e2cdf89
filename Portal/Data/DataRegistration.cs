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

        var databaseSection = builder.Configuration.GetSection(DatabaseOptions.Section);
        builder.Services.Configure<DatabaseOptions>(databaseSection);
        var database = databaseSection.Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<PortalDatabase>();
        if (database.Provider == DatabaseProvider.PostgreSql) AddPostgreSql(builder);
        else AddSqlite(builder, dataDirectory);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.Configure<Entities.PortalSettings>(builder.Configuration.GetSection("Settings"));
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddSingleton<IInstanceCache>(services => services.GetRequiredService<SettingsStore>());
        builder.Services.Configure<OfficeDefaults>(builder.Configuration.GetSection("Office"));
        builder.Services.AddSingleton<OfficeProfileStore>();
        builder.Services.AddSingleton<IInstanceCache>(services => services.GetRequiredService<OfficeProfileStore>());
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Portal.Inovasi");
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // Every instance reads the same keys, so a sign-in cookie made by one is valid on all.
            dataProtection.PersistKeysToDbContext<PostgreSqlPortalDbContext>();
            return builder;
        }
        // Keys live beside the data so sign-in cookies survive a restart (the TV screen reconnects alone).
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        // On Windows the keys are encrypted for the service account; on Linux the data folder is private to it (0700).
        if (OperatingSystem.IsWindows()) dataProtection.ProtectKeysWithDpapi();
        return builder;
    }

    private static void AddSqlite(WebApplicationBuilder builder, string dataDirectory)
    {
        var connectionString = builder.Configuration.GetConnectionString("Portal")
            ?? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "portal.db"),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();

        builder.Services.AddDbContextFactory<PortalDbContext>(options =>
            PortalDatabase.ConfigureSqlite(options, connectionString).AddInterceptors(new SqlitePragmas()));
    }

    private static void AddPostgreSql(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Database:Provider is PostgreSql but ConnectionStrings:Portal is empty. Isi ConnectionStrings:Portal dengan alamat server PostgreSQL.");
        builder.Services.AddDbContextFactory<PostgreSqlPortalDbContext>(options => options.UseNpgsql(connectionString));
        // The rest of the portal asks for the provider-neutral type.
        builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>>(services =>
            new PostgreSqlFactory(services.GetRequiredService<IDbContextFactory<PostgreSqlPortalDbContext>>()));
        builder.Services.AddScoped<PortalDbContext>(services => services.GetRequiredService<PostgreSqlPortalDbContext>());
    }

    private sealed class PostgreSqlFactory(IDbContextFactory<PostgreSqlPortalDbContext> inner) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.DataDirectory)}"] ?? "data";
        return Path.GetFullPath(configured, environment.ContentRootPath);
    }

    /// <summary>The step outputs' folder: Portal:AttachmentsDirectory when set (shared by several instances), else "lampiran" in the data folder.</summary>
    public static string AttachmentsDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.AttachmentsDirectory)}"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(DataDirectory(configuration, environment), "lampiran");

    /// <summary>True when the outputs' folder is configured apart from the data folder, as several instances share it.</summary>
    public static bool AttachmentsAreShared(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.AttachmentsDirectory)}"]);

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
