using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>Command-line programs some tests call, found on PATH.</summary>
public static class ExternalTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs the tool and fails the test with its error output when it is missing or exits non-zero.</summary>
    public static void Run(string name, params string[] arguments)
    {
        var path = Find(name) ?? throw new InvalidOperationException($"'{name}' is not on PATH.");
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{name}'.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{name}' exited with {process.ExitCode}: {errors.Result}");
        }
    }
}
