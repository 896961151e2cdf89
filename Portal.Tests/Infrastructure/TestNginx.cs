using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Debian's nginx running one of the repository's deploy/ examples, as a pranata komputer would install it, with only
/// what differs on a test machine replaced (ports, names, certificate paths): a self-signed certificate, its own
/// prefix folder, stopped on dispose.
/// </summary>
public sealed class TestNginx : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-nginx-" + Guid.NewGuid().ToString("N"));
    private Process? nginx;

    public string Certificate => Path.Combine(folder, "cert.pem");

    public string Key => Path.Combine(folder, "key.pem");

    public string AccessLog => Path.Combine(folder, "logs", "access.log");

    /// <param name="example">A file under deploy/.</param>
    /// <param name="replacements">Each text must be in the example (the test fails if the example changed under it).</param>
    /// <param name="logFormat">An nginx log_format for the access log; null keeps nginx's default.</param>
    public void Start(string example, DateTimeOffset now, int waitForPort, IEnumerable<(string Find, string With)> replacements, string? logFormat = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
            File.WriteAllText(Certificate, self.ExportCertificatePem());
            File.WriteAllText(Key, rsa.ExportPkcs8PrivateKeyPem());
        }

        var site = File.ReadAllText(RepositoryFiles.PathOf(example));
        foreach (var (find, with) in replacements)
        {
            Assert.True(site.Contains(find), $"The nginx example {example} no longer contains \"{find}\".");
            site = site.Replace(find, with);
        }
        File.WriteAllText(Path.Combine(folder, "site.conf"), site);
        var temp = string.Join(" ", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"{t}_temp_path {Path.Combine(folder, t)};"));
        var access = logFormat is null
            ? $"access_log {AccessLog};"
            : $"log_format test '{logFormat}'; access_log {AccessLog} test;";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            pid {{Path.Combine(folder, "nginx.pid")}};
            error_log {{Path.Combine(folder, "logs", "error.log")}};
            events {}
            http {
              {{access}}
              {{temp}}
              include {{Path.Combine(folder, "site.conf")}};
            }
            """);

        var start = new ProcessStartInfo(ExternalTools.Require(ExternalTools.Nginx)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off; master_process off;" })
            start.ArgumentList.Add(argument);
        nginx = Process.Start(start)!;
        WaitUntilListening(waitForPort);
    }

    private void WaitUntilListening(int port)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (nginx!.HasExited) throw new InvalidOperationException($"nginx exited: {nginx.StandardError.ReadToEnd()}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                nginx.WaitForExit(100); // returns at once when nginx has exited; otherwise a short pause before the next try
            }
        }
    }

    public void Dispose()
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            nginx.WaitForExit();
        }
        nginx?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // nginx may still hold a log file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
