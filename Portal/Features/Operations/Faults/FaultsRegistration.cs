using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Operations.Faults;

public static class FaultsRegistration
{
    /// <summary>Storage failures become a message to the person and an alert; leftovers of a crash are removed at start.</summary>
    public static WebApplicationBuilder AddFaults(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FaultsOptions>(builder.Configuration.GetSection(FaultsOptions.Section));
        builder.Services.AddSingleton<StorageAlarm>();
        builder.Services.AddSingleton<StorageReserve>();
        builder.Services.AddHostedService<StorageAlertPublisher>();
        builder.Services.AddSingleton<StorageFailureInterceptor>();
        // On PostgreSQL the contexts are made by the PostgreSqlPortalDbContext factory, whose options are configured by its own type.
        builder.Services.ConfigureDbContext<PortalDbContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<StorageFailureInterceptor>()));
        builder.Services.ConfigureDbContext<PostgreSqlPortalDbContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<StorageFailureInterceptor>()));
        builder.Services.AddTransient<StorageFailurePage>();
        builder.Services.AddSingleton<LeftoverUploadCleanup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LeftoverUploadCleanup>());
        return builder;
    }
}
