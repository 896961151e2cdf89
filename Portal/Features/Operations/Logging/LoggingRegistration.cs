using System.Globalization;
using Portal.Data;
using Serilog;
using Serilog.Events;

namespace Portal.Features.Operations.Logging;

/// <summary>The log files (section "Logs" in appsettings); levels come from the "Serilog" section. Documented in appsettings.sample.json.</summary>
public sealed class LogFileOptions
{
    public const string Section = "Logs";

    /// <summary>The folder under the data folder that holds the daily log files.</summary>
    public const string FolderName = "log";

    /// <summary>Write daily files to the "log" folder of the data folder (console logging stays on either way).</summary>
    public bool WriteFiles { get; set; } = true;

    /// <summary>Days of files kept; older ones are deleted.</summary>
    public int RetainedDays { get; set; } = 30;

    /// <summary>A day's file that grows past this starts a second file for the same day.</summary>
    public int FileSizeLimitMegabytes { get; set; } = 100;
}

public static class LoggingRegistration
{
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for the whole host: console (dotnet run, the service journal) and rolling daily files in the data folder.
    /// Each host owns its logger (not the static Log.Logger), so the many hosts of a test run keep their own files.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LogFileOptions.Section).Get<LogFileOptions>() ?? new LogFileOptions();
        var folder = LogFolder(builder.Configuration, builder.Environment);
        // Serilog writes the console itself; the other providers (the Windows event log of a service, a test's
        // collector) still receive every event through writeToProviders.
        foreach (var console in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider)
                     && d.ImplementationType == typeof(Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider)).ToList())
            builder.Services.Remove(console);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.MinimumLevel.Information()
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
            if (options.WriteFiles)
            {
                logger.WriteTo.File(Path.Combine(folder, "portal-.log"),
                    outputTemplate: FileTemplate,
                    formatProvider: CultureInfo.InvariantCulture,
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: null,
                    retainedFileTimeLimit: TimeSpan.FromDays(options.RetainedDays),
                    fileSizeLimitBytes: options.FileSizeLimitMegabytes * 1024L * 1024L,
                    rollOnFileSizeLimit: true);
            }
        }, preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }

    public static string LogFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.Combine(DataRegistration.DataDirectory(configuration, environment), LogFileOptions.FolderName);

    /// <summary>
    /// One line per request (method, path without its query string, status, time) into this host's logger.
    /// Health probes and static files only at Debug, so a monitor polling every minute does not fill the files.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : IsQuiet(context.Request.Path) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
        return app;
    }

    private static readonly HashSet<string> StaticExtensions =
        new([".css", ".js", ".mjs", ".map", ".png", ".svg", ".ico", ".woff", ".woff2", ".ttf"], StringComparer.OrdinalIgnoreCase);

    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments("/sehat") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || StaticExtensions.Contains(Path.GetExtension(path.Value ?? ""));
}
