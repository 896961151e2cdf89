using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Accessibility;

/// <summary>
/// Runs axe-core (Deque.AxeCore.Playwright) on the page as it is now, for WCAG 2.0 and 2.1 levels A and AA, and writes
/// the violations per impact with their rule ids to the test output, so the figures can be reported.
/// </summary>
public static class AxeAudit
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"),
    };

    private static readonly AxeRunOptions BestPractices = new() { RunOnly = RunOnlyOptions.Tags("best-practice") };

    private static readonly string[] Impacts = ["critical", "serious", "moderate", "minor"];

    public static async Task<AxeResult> RunAsync(IPage page, string name, ITestOutputHelper output)
    {
        var result = await page.RunAxe(Wcag21AA);
        output.WriteLine(Summary(name, result));
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"  {violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                output.WriteLine($"    {node.Target} :: {Shorten(node.Html)}");
                output.WriteLine($"      {Why(node)}");
            }
        }
        return result;
    }

    /// <summary>axe-core's best-practice rules (not WCAG criteria): one summary line for the record.</summary>
    public static async Task RunBestPracticesAsync(IPage page, string name, ITestOutputHelper output)
    {
        var result = await page.RunAxe(BestPractices);
        output.WriteLine(Summary(name + " (best practice)", result));
        foreach (var violation in result.Violations)
            output.WriteLine($"  {violation.Impact} {violation.Id}: {violation.Help} at {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target.ToString()))}");
    }

    /// <summary>One line per page: the violation count per impact (elements, in brackets the rules) and the rule ids.</summary>
    public static string Summary(string name, AxeResult result)
    {
        var counts = Impacts.Select(impact =>
        {
            var rules = result.Violations.Where(v => v.Impact == impact).ToList();
            return $"{impact} {rules.Sum(r => r.Nodes.Length)} ({rules.Count})";
        });
        var ids = result.Violations.Length == 0 ? "none" : string.Join(", ", result.Violations.Select(v => $"{v.Id}[{v.Impact}]"));
        return $"AXE {name}: {string.Join(", ", counts)}; rules: {ids}";
    }

    /// <summary>The serious and critical violations, as one readable message per rule (empty when there are none).</summary>
    public static IReadOnlyList<string> Blocking(AxeResult result) =>
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();

    private static string Why(AxeResultNode node) =>
        string.Join(" / ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Distinct());

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
