using System.Net;
using System.Runtime.InteropServices;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// On Linux the data folder (databases, cookie keys, uploads) is readable by the service account only:
/// folders 0700, files 0600, whether the portal created them or found them more open at start.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OpenFolder = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode OpenFile = File | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public async Task A_fresh_data_folder_and_everything_the_portal_writes_in_it_are_private()
    {
        var dataDirectory = PortalAppFactory.NewDataDirectory();
        // What an older version, a restore or an administrator may have left behind, and the usual umask 022.
        _ = umask(0b000_010_010);
        Directory.CreateDirectory(dataDirectory, OpenFolder);
        Directory.CreateDirectory(Path.Combine(dataDirectory, "lampiran"), OpenFolder);
        await System.IO.File.WriteAllTextAsync(Path.Combine(dataDirectory, "lampiran", "lama.txt"), "berkas lama");
        System.IO.File.SetUnixFileMode(Path.Combine(dataDirectory, "lampiran", "lama.txt"), OpenFile);
        try
        {
            await using (var app = new PortalAppFactory(dataDirectory: dataDirectory))
            {
                using var client = await app.SignedInClientAsync(DemoPeople.KabidPdip);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

                var entries = Directory.EnumerateFileSystemEntries(dataDirectory, "*", SearchOption.AllDirectories)
                    .Select(path => (Name: Path.GetRelativePath(dataDirectory, path), Mode: System.IO.File.GetUnixFileMode(path), IsFolder: Directory.Exists(path)))
                    .ToList();
                var names = entries.Select(e => e.Name).ToList();
                Assert.Superset(new HashSet<string> { "portal.db", "portal.db-wal", "portal.db-shm", "hangfire.db", "keys", "lampiran", Path.Combine("lampiran", "lama.txt") }, names.ToHashSet());
                Assert.Contains(names, name => name.StartsWith("keys" + Path.DirectorySeparatorChar) && name.EndsWith(".xml"));
                Assert.True(entries.Count(e => e.Name.StartsWith("lampiran" + Path.DirectorySeparatorChar) && !e.IsFolder) > 1, "the demo outputs are on disk");

                Assert.Equal(Folder, System.IO.File.GetUnixFileMode(dataDirectory));
                Assert.All(entries, entry => Assert.True(entry.Mode == (entry.IsFolder ? Folder : File), $"{entry.Name}: {entry.Mode}"));
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [DllImport("libc")]
    private static extern int umask(int mask);
}
