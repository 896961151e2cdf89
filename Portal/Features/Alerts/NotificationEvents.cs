using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

/// <summary>Whose notifications changed: new alerts arrived, or some were marked read.</summary>
public sealed record NotificationsChanged(IReadOnlySet<string> RecipientIds);

/// <summary>Tells the bells and notification pages whose alerts changed.</summary>
public sealed class NotificationEvents(ILogger<NotificationEvents> logger) : EventHub<NotificationsChanged>(logger)
{
    public void Publish(IEnumerable<string> recipientIds)
    {
        var change = new NotificationsChanged(recipientIds.ToHashSet());
        if (change.RecipientIds.Count > 0) Publish(change);
    }
}
