using Microsoft.Extensions.Options;
using FluentValidation;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Alerts;

/// <summary>The background job settings (section "Alerts" in appsettings).</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>Process jobs in this app; off for a web node that only serves pages (or a test that calls jobs itself).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>How often idle workers look for new jobs in SQLite (the storage's default is 15 s).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often delayed jobs (e-mail retries) are moved to the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Workers of the job server: the jobs are short and SQLite has one writer, so few are enough.</summary>
    public int WorkerCount { get; set; } = 2;
}

public static class AlertsRegistration
{
    public const string DashboardPath = "/hangfire";

    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AlertsOptions.Section);
        builder.Services.Configure<AlertsOptions>(section);
        var options = section.Get<AlertsOptions>() ?? new AlertsOptions();
        var databasePath = Path.Combine(DataRegistration.DataDirectory(builder.Configuration, builder.Environment), "hangfire.db");

        // This host's own storage, activator and time zones, registered before AddHangfire so it does not
        // fall back to Hangfire's process-wide statics (two hosts in one test process must not share them).
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.PostgreSql
            // On PostgreSQL every instance shares one job store (schema "hangfire"): a recurring job fires once for all
            // of them, whichever server's worker takes it.
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(builder.Configuration.GetConnectionString("Portal")!, PostgreSqlOptions(options)), PostgreSqlOptions(options))
            : new SQLiteStorage(databasePath, new SQLiteStorageOptions
            {
                QueuePollInterval = options.QueuePollInterval,
                JournalMode = SQLiteStorageOptions.JournalModes.WAL,
                AutoVacuumSelected = SQLiteStorageOptions.AutoVacuum.FULL,
            }));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<ITimeZoneResolver, OfficeTimeZoneResolver>();
        builder.Services.AddSingleton<IJobFilterProvider>(services => new JobRequests.FilterProvider(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>())));
        if (options.RunServer)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                // The job server gives up on a slow worker (one waiting out a queue poll) before the host stops waiting for
                // it: the stop then ends cleanly instead of in a cancelled shutdown.
                var hostTimeout = services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
                if (server.ShutdownTimeout >= hostTimeout) server.ShutdownTimeout = hostTimeout * 0.8;
            });
            // Hangfire registers its server as a transient hosted service; one reachable instance lets a test stop and start it.
            var hangfireServer = builder.Services.Last(d => d.ServiceType == typeof(IHostedService));
            builder.Services.Remove(hangfireServer);
            builder.Services.AddSingleton(services => (BackgroundJobServerHostedService)hangfireServer.ImplementationFactory!(services));
            builder.Services.AddHostedService(services => services.GetRequiredService<BackgroundJobServerHostedService>());
        }

        builder.Services.AddSingleton<NotificationEvents>();
        builder.Services.AddSingleton<NotificationInbox>();
        builder.Services.AddSingleton<PortalLinks>();
        builder.Services.AddSingleton<SmtpMailSender>();
        builder.Services.AddSingleton<AlertMailQueue>();
        builder.Services.AddSingleton<SystemAlerts>();
        builder.Services.AddSingleton<SendTestEmailHandler>();
        builder.Services.AddSingleton<IValidator<SendTestEmail>, SendTestEmailValidator>();
        builder.Services.AddTransient<OverdueScanJob>();
        builder.Services.AddTransient<DailyDigestJob>();
        builder.Services.AddTransient<AlertMailJob>();
        builder.Services.AddSingleton<AlertSchedule>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertSchedule>());
        return builder;
    }

    private static PostgreSqlStorageOptions PostgreSqlOptions(AlertsOptions options) => new()
    {
        SchemaName = "hangfire",
        QueuePollInterval = options.QueuePollInterval,
        PrepareSchemaIfNecessary = true,
        // Workers wait on NOTIFY for a new job instead of polling.
        EnableLongPolling = true,
    };

    /// <summary>The job dashboard: signed-in people only, and of those only Administrators.</summary>
    public static WebApplication UseAlerts(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdministratorDashboardFilter()],
            DashboardTitle = "Portal Inovasi — antrean tugas",
            AppPath = "/admin/peringatan",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization();
        return app;
    }
}

/// <summary>Lets only the portal's Administrators (signed in with the portal's cookie) into the Hangfire dashboard.</summary>
public sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(PortalRoles.Administrator);
}

/// <summary>
/// Hangfire's log provider is process-wide: when the host that set it has stopped (tests run several hosts
/// in one process), its logger factory is disposed, and logging must not break the other hosts' jobs.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}

/// <summary>Resolves the office zones (WIB, WITA, WIT) to the portal's own, so cron times stay right on a machine without tzdata.</summary>
public sealed class OfficeTimeZoneResolver : ITimeZoneResolver
{
    public TimeZoneInfo GetTimeZoneById(string timeZoneId) =>
        OfficeZone.FromId(timeZoneId)?.Zone ?? TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
}
