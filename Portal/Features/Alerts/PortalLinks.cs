using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Portal.Features.Alerts;

/// <summary>
/// Absolute links for e-mails: from Portal:PublicBaseUrl, or, when that is not set, the address the
/// server listens on (right on one machine, wrong behind a proxy: the admin page warns about it).
/// </summary>
public sealed class PortalLinks(IOptions<PortalOptions> options, IServer server)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    public string BaseUrl =>
        (IsConfigured
            ? options.Value.PublicBaseUrl!
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")
              ?? "http://localhost").TrimEnd('/');

    public string Notifications => $"{BaseUrl}/notifikasi";
}
