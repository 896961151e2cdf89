namespace Portal.Data.Entities;

/// <summary>
/// A condition of the portal itself that the administrators must act on (a failed backup, a full disk, next
/// year's holidays not entered). Raised once per key until resolved; each administrator gets a notification.
/// </summary>
public sealed class SystemAlert
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string Message { get; set; }

    /// <summary>The portal page where the administrator acts on it, e.g. "/admin/cadangan".</summary>
    public string? Link { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
