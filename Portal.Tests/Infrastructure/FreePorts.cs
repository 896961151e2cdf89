using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

public static class FreePorts
{
    /// <summary>A loopback port nothing listens on now, for a server a test starts (SMTP, nginx).</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
