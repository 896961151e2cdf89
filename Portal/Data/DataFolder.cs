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
