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

/// <summary>A theory that needs a tool on the machine: skipped like <see cref="RequiresToolFactAttribute"/> where it is missing.</summary>
public sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(string tool)
    {
        if (ExternalTools.Find(tool) is null && !ExternalTools.IsCi)
            Skip = $"{tool} tidak ditemukan di mesin ini; uji ini dilewati. Dengan CI=true uji ini wajib berjalan.";
    }
}

/// <summary>
/// A benchmark that takes over a minute: left out of the default run (reported as skipped) unless
/// PORTAL_BENCHMARKS=1, e.g. <c>PORTAL_BENCHMARKS=1 dotnet test --filter Category=Performance</c>.
/// </summary>
public sealed class SlowBenchmarkFactAttribute : FactAttribute
{
    public SlowBenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PORTAL_BENCHMARKS") != "1")
            Skip = "Benchmark lambat (lebih dari 1 menit): jalankan dengan PORTAL_BENCHMARKS=1 dotnet test --filter Category=Performance.";
        else if (ExternalTools.Find(ExternalTools.Chromium) is null)
            Skip = "Chromium tidak ditemukan; benchmark peramban dilewati.";
    }
}

public static class ExternalTools
{
    public const string Chromium = "chromium";
    public const string PdfToPpm = "pdftoppm";
    public const string Nginx = "nginx";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string EnvironmentVariable(string tool) => tool.ToUpperInvariant() + "_PATH";

    public static string? Find(string tool)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable(tool));
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured)) return configured;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs the tool and fails the test with its error output when it is missing or exits non-zero.</summary>
    public static void Run(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Require(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{tool}'.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{tool}' exited with {process.ExitCode}: {errors.Result}");
    }

    public static string Require(string tool) =>
        Find(tool) ?? throw new InvalidOperationException($"{tool} is required (CI=true) but was not found; install it or set {EnvironmentVariable(tool)}.");
}
