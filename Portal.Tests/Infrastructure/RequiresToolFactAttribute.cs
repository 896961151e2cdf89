namespace Portal.Tests.Infrastructure;

/// <summary>
/// A fact that needs a command-line tool: skipped when the tool is missing on a developer machine,
/// run (and so failing) when it is missing on CI (<c>CI=true</c>).
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string debianPackage)
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ExternalTool.Find(tool) is null && !onCi)
        {
            Skip = $"'{tool}' is not installed; install it with: apt-get install -y {debianPackage}";
        }
    }
}
