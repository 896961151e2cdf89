using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Hosting;

/// <summary>
/// The portal as systemd runs it (deploy/portal-inovasi.service, Type=notify): a real portal process whose parent is
/// called "systemd", with systemd's notification socket. It must say when it is ready and stop cleanly on SIGTERM.
/// </summary>
public sealed class SystemdServiceTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-systemd-" + Guid.NewGuid().ToString("N"));

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_service_tells_systemd_it_is_ready_and_stops_cleanly_on_SIGTERM()
    {
        Directory.CreateDirectory(folder);
        // .NET recognises systemd by its parent process's name: a copy of the shell named "systemd" starts the portal.
        var systemd = Path.Combine(folder, "systemd");
        File.Copy("/bin/sh", systemd);
        File.SetUnixFileMode(systemd, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var socketPath = Path.Combine(folder, "notify");
        using var notifications = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notifications.Bind(new UnixDomainSocketEndPoint(socketPath));

        var start = new ProcessStartInfo(systemd) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("dotnet Portal.dll --urls http://127.0.0.1:0 >/dev/null & echo $!; wait $!");
        start.Environment["NOTIFY_SOCKET"] = socketPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataDirectory"] = Path.Combine(folder, "data");
        using var service = Process.Start(start)!;
        var portalPid = int.Parse((await service.StandardOutput.ReadLineAsync())!);
        try
        {
            Assert.Equal("READY=1", await NextNotificationAsync(notifications));

            Kill("-TERM", portalPid);

            Assert.Equal("STOPPING=1", await NextNotificationAsync(notifications));
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await service.WaitForExitAsync(exited.Token);
            Assert.Equal(0, service.ExitCode);
        }
        finally
        {
            if (!service.HasExited) Kill("-KILL", portalPid);
        }
    }

    private static async Task<string> NextNotificationAsync(Socket socket)
    {
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received).Trim();
    }

    private static void Kill(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, pid.ToString()]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
