using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CodeRules;

/// <summary>
/// Nothing may read the machine's clock or time zone: the portal gets time from the injected TimeProvider
/// (registered once), and tests pin it. Otherwise the suite passes or fails with the hour it runs at.
/// </summary>
public sealed partial class RealClockTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b|\bTimeZoneInfo\s*\.\s*Local\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex RealClock();

    /// <summary>The one place the real clock is handed to the application.</summary>
    private const string ClockRegistration = "Portal/Features/Workflow/WorkflowRegistration.cs";

    [Fact]
    public void No_code_and_no_test_reads_the_machine_clock()
    {
        var root = SolutionRoot();
        var offenders = new[] { "Portal", "Portal.Tests" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs") || path.EndsWith(".razor"))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => (Path: Path.GetRelativePath(root, path).Replace('\\', '/'), Lines: File.ReadAllLines(path)))
            .SelectMany(file => file.Lines.Select((line, index) => (file.Path, Line: index + 1, Text: line.Trim())))
            .Where(hit => RealClock().IsMatch(hit.Text) && !hit.Text.StartsWith("//") && !hit.Text.StartsWith("///"))
            .Where(hit => !(hit.Path == ClockRegistration && hit.Text.Contains("TimeProvider.System")))
            .Where(hit => hit.Path != "Portal.Tests/CodeRules/RealClockTests.cs")
            .Select(hit => $"{hit.Path}:{hit.Line}: {hit.Text}")
            .ToList();

        Assert.True(offenders.Count == 0, "Reads the real clock:\n" + string.Join("\n", offenders));
    }

    private static string SolutionRoot() => RepositoryFiles.Root;
}
