using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Features.Alerts;

namespace Portal.Features.Operations.Health;

public static class HealthRegistration
{
    public const string StatusPath = "/sehat";

    /// <summary>Answers 200 as long as the process serves requests; screens that lost their circuit poll it before reloading.</summary>
    public const string LivenessPath = "/sehat/hidup";

    /// <summary>
    /// The portal's own health checks. Other areas add theirs with <c>builder.Services.AddHealthChecks().AddCheck&lt;T&gt;(name)</c>
    /// and name them in Indonesian with <see cref="HealthTexts.Result"/>; /sehat and the health page show every registered check.
    /// </summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HealthOptions>(builder.Configuration.GetSection(HealthOptions.Section));
        var options = builder.Configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions();
        builder.Services.AddSingleton(new DataFolderLocation(DataRegistration.DataDirectory(builder.Configuration, builder.Environment)));
        builder.Services.AddSingleton<PortalStart>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PortalStart>());
        builder.Services.AddSingleton<HealthReports>();

        var checks = builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, timeout: options.DatabaseTimeout + TimeSpan.FromSeconds(5))
            .AddCheck<OverdueScanHealthCheck>(OverdueScanHealthCheck.Name, timeout: TimeSpan.FromSeconds(10))
            .AddCheck<DiskSpaceHealthCheck>(DiskSpaceHealthCheck.Name, timeout: TimeSpan.FromSeconds(10));
        var alerts = builder.Configuration.GetSection(AlertsOptions.Section).Get<AlertsOptions>() ?? new AlertsOptions();
        if (alerts.RunServer) checks.AddCheck<JobServerHealthCheck>(JobServerHealthCheck.Name, timeout: TimeSpan.FromSeconds(10));
        return builder;
    }

    /// <summary>/sehat for monitoring: 200 when healthy or degraded, 503 when unhealthy, with a short JSON body.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet(StatusPath, async (HealthReports reports, HttpContext http) =>
        {
            var health = await reports.GetAsync(cancellationToken: http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new
            {
                status = health.Status.ToString(),
                description = HealthTexts.Summary(health.Status),
                checkedAt = health.CheckedAt.UtcDateTime,
                checks = health.Checks.Select(check => new
                {
                    name = check.Name,
                    title = check.Title,
                    status = check.Status.ToString(),
                    description = check.Description,
                }),
            }, statusCode: health.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).AllowAnonymous();
        app.MapGet(LivenessPath, () => Results.Text("ok")).AllowAnonymous();
        return app;
    }
}
