using System.Diagnostics;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// The real portal program, started as the service would start it, refuses to start when its data folder cannot be
/// written: it says why in Indonesian and English, prints no stack trace and exits with a non-zero code, instead of
/// failing later on the first save. Root ignores permission bits, so the folders here fail for root too.
/// </summary>
public sealed class UnwritableDataFolderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_stops_the_start_with_a_message_in_both_languages()
    {
        var parent = PortalAppFactory.NewDataDirectory();
        Directory.CreateDirectory(parent);
        try
        {
            // A file where a folder should be: no one, root included, can create the data folder under it.
            var blocker = Path.Combine(parent, "bukan-folder");
            await File.WriteAllTextAsync(blocker, "");
            var started = await StartPortalAsync(Path.Combine(blocker, "data"));

            AssertRefused(started, Path.Combine(blocker, "data"));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [RequiresMountFact]
    public async Task A_data_folder_on_a_read_only_disk_stops_the_start_with_a_message_in_both_languages()
    {
        using var disk = Tmpfs.Mount(megabytes: 8);
        disk.RemountReadOnly();

        var started = await StartPortalAsync(disk.Folder);

        AssertRefused(started, disk.Folder);
    }

    private static void AssertRefused((int ExitCode, string Output) started, string dataDirectory)
    {
        Assert.Equal(DataFolder.UnwritableExitCode, started.ExitCode);
        Assert.Contains($"Portal tidak dapat dimulai: folder data \"{dataDirectory}\" tidak dapat ditulis", started.Output);
        Assert.Contains($"The portal cannot start: the data folder \"{dataDirectory}\" is not writable", started.Output);
        Assert.DoesNotContain("Unhandled exception", started.Output);
        Assert.DoesNotContain("   at ", started.Output);
    }

    /// <summary>Runs the built Portal.dll in production, as the service does, until it exits.</summary>
    private static async Task<(int ExitCode, string Output)> StartPortalAsync(string dataDirectory)
    {
        var contentRoot = PortalAppFactory.NewDataDirectory();
        Directory.CreateDirectory(contentRoot);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = contentRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataDirectory"] = dataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The portal did not stop within {Patience.TotalSeconds} s with an unwritable data folder.");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
        return (process.ExitCode, await output + await errors);
    }
}
