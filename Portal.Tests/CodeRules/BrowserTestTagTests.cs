using System.Reflection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CodeRules;

/// <summary>
/// CI runs the suite a second time at an awkward machine time without the browser tests
/// (<c>--filter "Category!=Browser"</c>): every class that drives Chromium must carry that tag.
/// </summary>
public sealed class BrowserTestTagTests
{
    [Fact]
    public void Every_class_with_a_browser_session_is_tagged_as_a_browser_test()
    {
        var untagged = typeof(BrowserTestTagTests).Assembly.GetTypes()
            .Where(type => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
                                                        && typeof(BrowserSession).IsAssignableFrom(i.GetGenericArguments()[0])))
            .Where(type => !CustomAttributeData.GetCustomAttributes(type)
                .Any(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments.Select(c => c.Value as string).SequenceEqual(["Category", "Browser"])))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(untagged.Count == 0, "Not tagged [Trait(\"Category\", \"Browser\")]: " + string.Join(", ", untagged));
    }
}
