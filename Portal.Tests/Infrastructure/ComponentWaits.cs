using System.Runtime.CompilerServices;
using Bunit;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// bUnit waits for a rendered condition at most one second by default. A busy CI machine (two cores, browser tests and
/// portals beside) may need longer before a timer's re-render lands; a wait still ends as soon as its condition holds.
/// </summary>
internal static class ComponentWaits
{
    [ModuleInitializer]
    internal static void AllowForABusyMachine() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
