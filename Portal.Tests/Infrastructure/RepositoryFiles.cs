namespace Portal.Tests.Infrastructure;

/// <summary>Files of the repository itself (deploy examples, sources), found above the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Disdukcapil.Inovasi.sln"))) return folder.FullName;
            }
            throw new InvalidOperationException("The solution folder was not found above the test binaries.");
        }
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
