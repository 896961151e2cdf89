namespace Portal.Features.Operations.Hosting;

/// <summary>
/// Runs the portal as a systemd service on Linux (Type=notify: systemd knows when it is ready and stops it
/// cleanly) and as a Windows Service on Windows. Each is a no-op anywhere else, so `dotnet run` is unchanged.
/// </summary>
public static class ServiceHosting
{
    public static WebApplicationBuilder AddServiceHosting(this WebApplicationBuilder builder)
    {
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService(service => service.ServiceName = ServiceName);
        return builder;
    }

    /// <summary>The service's name in systemd (portal-inovasi.service) and in Windows' service list.</summary>
    public const string ServiceName = "portal-inovasi";
}
