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
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    // One pass over the page for both sets: axe's cost is walking the page, not the number of rules.
    private static readonly AxeRunOptions WcagAndBestPractices = new() { RunOnly = RunOnlyOptions.Tags([.. WcagTags, "best-practice"]) };

    private static readonly string[] Impacts = ["critical", "serious", "moderate", "minor"];

    /// <summary>
    /// Audits the page; writes its WCAG 2.0/2.1 A/AA violations in detail and, for the record, a line on axe's best-practice
    /// rules (landmarks, heading order …), which are not WCAG criteria. Returns the WCAG violations.
    /// </summary>
    public static async Task<IReadOnlyList<AxeResultItem>> RunAsync(IPage page, string name, ITestOutputHelper output)
    {
        var result = await page.RunAxe(WcagAndBestPractices);
        var wcag = result.Violations.Where(v => v.Tags.Any(WcagTags.Contains)).ToList();
        var bestPractice = result.Violations.Except(wcag).ToList();
        output.WriteLine(Summary(name, wcag));
        foreach (var violation in wcag)
        {
            output.WriteLine($"  {violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                output.WriteLine($"    {node.Target} :: {Shorten(node.Html)}");
                output.WriteLine($"      {Why(node)}");
            }
        }
        output.WriteLine(Summary(name + " (best practice)", bestPractice));
        foreach (var violation in bestPractice)
            output.WriteLine($"  {violation.Impact} {violation.Id}: {violation.Help} at {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target.ToString()))}");
        return wcag;
    }

    /// <summary>One line per page: the violation count per impact (elements, in brackets the rules) and the rule ids.</summary>
    public static string Summary(string name, IReadOnlyList<AxeResultItem> violations)
    {
        var counts = Impacts.Select(impact =>
        {
            var rules = violations.Where(v => v.Impact == impact).ToList();
            return $"{impact} {rules.Sum(r => r.Nodes.Length)} ({rules.Count})";
        });
        var ids = violations.Count == 0 ? "none" : string.Join(", ", violations.Select(v => $"{v.Id}[{v.Impact}]"));
        return $"AXE {name}: {string.Join(", ", counts)}; rules: {ids}";
    }

    /// <summary>The serious and critical violations, as one readable message per rule (empty when there are none).</summary>
    public static IReadOnlyList<string> Blocking(IReadOnlyList<AxeResultItem> violations) =>
        violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();

    private static string Why(AxeResultNode node) =>
        string.Join(" / ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Distinct());

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
