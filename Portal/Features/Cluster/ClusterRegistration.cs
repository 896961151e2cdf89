using Portal.Data;

namespace Portal.Features.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// On PostgreSQL, several instances of the portal may share the database: their live screens and caches hear each
    /// other's changes through LISTEN/NOTIFY. On SQLite one instance makes every change itself and nothing is added.
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.PostgreSql) return builder;

        builder.Services.AddSingleton(new ClusterConnection(builder.Configuration.GetConnectionString("Portal")!));
        builder.Services.AddSingleton<PortalInstance>();
        builder.Services.AddSingleton<ClusterRelay>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ClusterRelay>());
        builder.Services.AddSingleton<ClusterListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ClusterListener>());
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>(ClusterHealthCheck.Name, timeout: TimeSpan.FromSeconds(10));
        return builder;
    }
}
