using Portal.Tests.Features.Operations.Faults;

namespace Portal.Tests;

/// <summary>
/// The test assembly is also a small program: fault tests start it as a child process running the real portal, so
/// that they can kill it. The test host loads the assembly as a library and never calls this.
/// </summary>
public static class TestAssemblyEntry
{
    public static async Task<int> Main(string[] args) => args switch
    {
        [MoveBurstChild.Verb, var dataDirectory] => await MoveBurstChild.RunAsync(dataDirectory),
        _ => 2,
    };
}
