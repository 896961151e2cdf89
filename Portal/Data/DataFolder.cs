using System.Runtime.InteropServices;

namespace Portal.Data;

/// <summary>
/// The data folder holds the databases, the cookie keys and the uploads: on Unix only the service account may
/// read it. The process umask makes everything created later (SQLite's -wal and -shm files, Hangfire's database,
/// key files, uploads) private too; what an earlier version or an administrator left open is tightened at start.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const int PrivateUmask = 0b000_111_111; // 077: nothing for group and others

    /// <summary>The exit code of a start refused for the data folder: EX_CONFIG of sysexits.h (a service manager need not retry).</summary>
    public const int UnwritableExitCode = 78;

    /// <summary>
    /// True, after saying why on the console (Indonesian and English, no stack trace), when the data folder cannot be
    /// created or written: the portal must not start and fail later on the first save or sign-in.
    /// </summary>
    public static bool RefusesToStart(WebApplicationBuilder builder)
    {
        var dataDirectory = DataRegistration.DataDirectory(builder.Configuration, builder.Environment);
        if (WriteProblem(dataDirectory) is not { } problem) return false;
        Console.Error.WriteLine(
            $"Portal tidak dapat dimulai: folder data \"{dataDirectory}\" tidak dapat ditulis ({problem.TrimEnd('.')}). "
            + "Pastikan folder itu dapat ditulis oleh akun layanan portal dan disknya tidak penuh atau hanya-baca, "
            + "atau pilih folder lain dengan pengaturan Portal:DataDirectory.");
        Console.Error.WriteLine(
            $"The portal cannot start: the data folder \"{dataDirectory}\" is not writable ({problem.TrimEnd('.')}). "
            + "Make sure the portal's service account can write to it and its disk is neither full nor read-only, "
            + "or choose another folder with the Portal:DataDirectory setting.");
        return true;
    }

    /// <summary>Why the folder cannot be created or written (the operating system's words); null when it can.</summary>
    public static string? WriteProblem(string dataDirectory)
    {
        try
        {
            CreatePrivate(dataDirectory);
            foreach (var folder in new[] { dataDirectory, Path.Combine(dataDirectory, "lampiran"), Path.Combine(dataDirectory, "keys") }.Where(Directory.Exists))
            {
                var probe = Path.Combine(folder, $".tulis-{Guid.NewGuid():N}");
                using (var stream = new FileStream(probe, System.IO.FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                    stream.WriteByte(0);
                    stream.Flush(flushToDisk: true);
                }
            }
            // The databases themselves may be read-only (an immutable file, a restore with the wrong owner).
            foreach (var database in Directory.EnumerateFiles(dataDirectory, "*.db"))
                using (File.Open(database, System.IO.FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) { }
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return exception.Message;
        }
    }

    public static void CreatePrivate(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
            return;
        }
        if (OperatingSystem.IsLinux()) SetUmask(PrivateUmask);
        Directory.CreateDirectory(dataDirectory, DirectoryMode);
        Tighten(new DirectoryInfo(dataDirectory));
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(DirectoryInfo directory)
    {
        if ((directory.UnixFileMode & ~DirectoryMode) != 0) directory.UnixFileMode = DirectoryMode;
        foreach (var file in directory.EnumerateFiles())
            if ((file.UnixFileMode & ~FileMode) != 0) file.UnixFileMode = FileMode;
        foreach (var child in directory.EnumerateDirectories())
            if (!child.Attributes.HasFlag(FileAttributes.ReparsePoint)) Tighten(child);
    }

    private static void SetUmask(int mask) => _ = umask(mask);

    // DllImport rather than LibraryImport: an int in and out needs no marshalling, and no unsafe code in the project.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern int umask(int mask);
}
