using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Components.Shared;

namespace Portal.Features.Security;

/// <summary>
/// The TLS reverse proxy in front of the portal (section "Portal:ReverseProxy"); documented in README.md.
/// Only these addresses may tell the portal the client's address and that the request came in over HTTPS.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "Portal:ReverseProxy";

    /// <summary>Addresses of the proxies; empty (the default) means the proxy runs on this machine (127.0.0.1, ::1).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, e.g. 10.20.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class SecurityRegistration
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var proxy = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        var proxies = proxy.KnownProxies.Where(IsGiven)
            .Select(text => IPAddress.TryParse(text.Trim(), out var address) ? address : throw Invalid("KnownProxies", text))
            .ToList();
        var networks = proxy.KnownNetworks.Where(IsGiven)
            .Select(text => System.Net.IPNetwork.TryParse(text.Trim(), out var network) ? network : throw Invalid("KnownNetworks", text))
            .ToList();
        if (proxies.Count == 0 && networks.Count == 0) proxies = [IPAddress.Loopback, IPAddress.IPv6Loopback];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxies)
            {
                options.KnownProxies.Add(address);
                // Kestrel on a dual-stack socket sees an IPv4 proxy as ::ffff:a.b.c.d.
                if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) options.KnownProxies.Add(address.MapToIPv6());
            }
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>First in the pipeline: the scheme and client address from a known proxy, then the security headers.</summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHttpsOnly();
        return app;
    }

    /// <summary>
    /// Outside Development cookies and form tokens are HTTPS-only, so a page opened over plain HTTP could not work:
    /// say so in words instead of failing. The health check stays open for monitors on the server itself.
    /// </summary>
    private static void UseHttpsOnly(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/sehat"))
        {
            await next();
            return;
        }
        await PlainMessagePage.WriteAsync(context, StatusCodes.Status400BadRequest, "Gunakan HTTPS", PlainHttpMessage);
    });

    public const string PlainHttpMessage =
        "Portal Inovasi Pelayanan hanya dapat dibuka lewat HTTPS. Gunakan alamat yang diawali https://, atau hubungi pranata komputer dinas.";

    private static bool IsGiven(string? value) => !string.IsNullOrWhiteSpace(value);

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"{ReverseProxyOptions.Section}:{key}: \"{value}\" is not a valid address.");
}
