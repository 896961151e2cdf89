namespace Portal.Features.Operations.Backups;

public static class BackupsRegistration
{
    public static WebApplicationBuilder AddBackups(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
        builder.Services.AddSingleton(BackupOptions.Paths(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<PortalBackup>();
        builder.Services.AddSingleton<BackupMonitor>();
        builder.Services.AddTransient<BackupJob>();
        builder.Services.AddHostedService<BackupSchedule>();
        builder.Services.AddHealthChecks().AddCheck<BackupHealthCheck>(BackupHealthCheck.Name, tags: [BackupHealthCheck.Name]);
        return builder;
    }
}
