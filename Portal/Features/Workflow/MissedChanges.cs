namespace Portal.Features.Workflow;

/// <summary>This instance may have missed changes made on another one: whatever a screen shows may be stale.</summary>
public sealed record ChangesMissed
{
    public static readonly ChangesMissed Now = new();
}

/// <summary>
/// Raised on PostgreSQL when this instance's line to the portal's other instances was cut and is back, or another
/// instance could not announce its changes for a while: every live screen reads again what it shows instead of staying
/// silently stale. Never raised on SQLite, where one instance makes every change itself.
/// </summary>
public sealed class MissedChanges(ILogger<MissedChanges> logger) : EventHub<ChangesMissed>(logger);
