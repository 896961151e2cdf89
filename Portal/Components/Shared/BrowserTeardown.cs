using Microsoft.JSInterop;

namespace Portal.Components.Shared;

/// <summary>
/// JavaScript calls a component makes while it is disposed. The browser may already be gone: a closed tab
/// (<see cref="JSDisconnectedException"/>), or a circuit shutting down, which cancels the calls still in flight
/// (<see cref="OperationCanceledException"/>). Either way the page took its listeners with it, and nothing is left to do.
/// </summary>
public static class BrowserTeardown
{
    public static async ValueTask RunAsync(Func<ValueTask> cleanUp)
    {
        try
        {
            await cleanUp();
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
        }
    }
}
