using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A small RAM file system mounted for one test: a disk that really fills up, or really turns read-only. Needs root
/// (or CAP_SYS_ADMIN) and the mount program; <see cref="RequiresMountFactAttribute"/> skips tests where it cannot work.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private Tmpfs(string folder) => Folder = folder;

    public string Folder { get; }

    /// <param name="at">The folder to mount on (created when missing); a new temporary folder when null.</param>
    public static Tmpfs Mount(int megabytes, string? at = null)
    {
        var folder = at ?? Path.Combine(Path.GetTempPath(), "portal-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", folder);
        return new Tmpfs(folder);
    }

    /// <summary>Turns the mounted file system read-only, as a failing disk or a wrong fstab line does.</summary>
    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Folder);

    public void RemountWritable() => Run("mount", "-o", "remount,rw", Folder);

    public void Dispose()
    {
        Run("umount", "--lazy", Folder);
        Directory.Delete(Folder);
    }

    /// <summary>Whether this process may mount a tmpfs here; the reason when not.</summary>
    public static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs hanya ada di Linux";
        if (!Environment.IsPrivilegedProcess) return "perlu root untuk mount tmpfs";
        try
        {
            using var probe = Mount(1);
            return null;
        }
        catch (Exception exception)
        {
            return $"mount tmpfs tidak diizinkan di mesin ini ({exception.Message})";
        }
    });

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.Result}");
    }
}

/// <summary>A test that mounts a tmpfs: skipped with the reason where mounting is not permitted.</summary>
public sealed class RequiresMountFactAttribute : FactAttribute
{
    public RequiresMountFactAttribute()
    {
        if (Tmpfs.Unavailable.Value is { } reason) Skip = $"{reason}; uji dengan disk sungguhan dilewati.";
    }
}
