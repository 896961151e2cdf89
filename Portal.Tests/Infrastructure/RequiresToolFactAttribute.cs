namespace Portal.Tests.Infrastructure;

/// <summary>
/// A test that needs a tool on the machine (Chromium, pdftoppm). Where the tool is missing the test is
/// skipped with a clear message, except when CI=true, where it runs and fails on the missing tool.
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool) : this(tool, null) { }

    /// <param name="debianPackage">The package that installs the tool, named in the skip message.</param>
    public RequiresToolFactAttribute(string tool, string? debianPackage)
    {
        if (ExternalTools.Find(tool) is null && !ExternalTools.IsCi)
        {
            var install = debianPackage is null ? "apt-get" : $"apt-get install -y {debianPackage}";
            Skip = $"{tool} tidak ditemukan di mesin ini (pasang dengan {install} atau set {ExternalTools.EnvironmentVariable(tool)}); uji ini dilewati. Dengan CI=true uji ini wajib berjalan.";
        }
    }
}

public static class ExternalTools
{
    public const string Chromium = "chromium";
    public const string PdfToPpm = "pdftoppm";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string EnvironmentVariable(string tool) => tool.ToUpperInvariant() + "_PATH";

    public static string? Find(string tool)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable(tool));
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured)) return configured;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string Require(string tool) =>
        Find(tool) ?? throw new InvalidOperationException($"{tool} is required (CI=true) but was not found; install it or set {EnvironmentVariable(tool)}.");
}
