using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal on a real SQLite file in a temporary data folder, with the demo people and
/// innovations seeded. Only the clock is faked: without one given, the portal runs on a clock pinned to
/// <see cref="TestInstants.OrdinaryWednesday"/>, so no test depends on the machine's date or hour.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly TimeProvider clock;
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;
    private readonly bool ownsDataDirectory;
    private readonly string? postgreSqlDatabase;

    /// <summary>The suite signs in very often from one address; a test of the sign-in rate limit sets its own.</summary>
    public const string TestSignInPermitLimit = "100000";

    /// <param name="dataDirectory">An existing data folder to reuse (e.g. to restart the portal); the caller then owns it.</param>
    /// <param name="environment">Development seeds the demo people; Production has HTTPS-only cookies, HSTS and the error page.</param>
    /// <param name="provider">PostgreSql: the portal runs on a new, empty database of the test server (<see cref="TestPostgreSql"/>), dropped on dispose.</param>
    public PortalAppFactory(TimeProvider? clock = null, IDictionary<string, string?>? settings = null, string? dataDirectory = null,
        string environment = "Development", DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        this.clock = clock ?? new RunningClock(TestInstants.OrdinaryWednesday);
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        this.settings.TryAdd("Portal:SignInRateLimit:PermitLimit", TestSignInPermitLimit);
        // Each test portal writes its storage reserve; a small one keeps hundreds of them cheap.
        this.settings.TryAdd("Faults:StorageReserveMegabytes", "1");
        this.environment = environment;
        ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Directory.CreateDirectory(DataDirectory);
        // Backups go beside the data folder, never into the source tree (the default is relative to the content root).
        this.settings.TryAdd("Backups:Folder", DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + "-cadangan");
        BackupFolder = this.settings["Backups:Folder"]!;
        Provider = this.settings.TryGetValue("Database:Provider", out var configured) && Enum.TryParse<DatabaseProvider>(configured, out var named) ? named : provider;
        // Never SQLite in disguise: without a server CreateDatabase throws (outside CI, ProviderFact skips such tests first).
        if (Provider == DatabaseProvider.PostgreSql && !this.settings.ContainsKey("ConnectionStrings:Portal"))
        {
            postgreSqlDatabase = TestPostgreSql.CreateDatabase();
            this.settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSql);
            this.settings["ConnectionStrings:Portal"] = postgreSqlDatabase;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// Settings that start another instance of the portal on this one's PostgreSQL database (several servers, one
    /// database); this factory keeps owning the database.
    /// </summary>
    public Dictionary<string, string?> SecondInstanceSettings() => new()
    {
        ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
        ["ConnectionStrings:Portal"] = postgreSqlDatabase ?? throw new InvalidOperationException("Only a portal on PostgreSQL has a second instance."),
    };

    /// <summary>
    /// A second instance of this PostgreSQL portal: its own host, data folder and clock on the same database, as a second
    /// server behind a load balancer. Dispose it before this one, which drops the database.
    /// </summary>
    public PortalAppFactory AnotherInstance(TimeProvider? clock = null) => new(clock, SecondInstanceSettings(), provider: DatabaseProvider.PostgreSql);

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public string DataDirectory { get; }

    public string BackupFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Outside Development the app expects its static files published under wwwroot; from the build output they
        // come from the static web assets manifest, as `dotnet run` uses it.
        builder.UseStaticWebAssets();
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            // Open browser circuits would otherwise hold a stopping test server for the default 30 s.
            services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
    }

    /// <summary>Starts the portal on a real Kestrel port (browsers need one) and returns its address.</summary>
    public string StartKestrel(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
    }

    public PortalDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgreSqlDatabase is not null) TestPostgreSql.DropDatabase(postgreSqlDatabase);
        if (!ownsDataDirectory) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
            if (Directory.Exists(BackupFolder)) Directory.Delete(BackupFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background thread; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The portal with default settings and the pinned clock, for use as an xunit class fixture.</summary>
public sealed class DemoPortal() : PortalAppFactory();

/// <summary>The same demo portal on PostgreSQL (a new database of the test server); needs <see cref="TestPostgreSql"/>.</summary>
public sealed class DemoPortalOnPostgreSql() : PortalAppFactory(provider: DatabaseProvider.PostgreSql);
