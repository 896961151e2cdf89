using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>
/// An in-app alert for one person: about one step run, created by the overdue scan (the unique (step run, level,
/// recipient) key makes the scan idempotent), or about the portal itself (<see cref="SystemAlert"/>, for
/// administrators). The e-mail columns track the copy sent by SMTP.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string RecipientId { get; set; }
    public PortalUser? Recipient { get; set; }
    public int? InnovationId { get; set; }
    public Innovation? Innovation { get; set; }
    public long? StepRunId { get; set; }
    public StepRun? StepRun { get; set; }
    public long? SystemAlertId { get; set; }
    public SystemAlert? SystemAlert { get; set; }
    public AlertLevel Level { get; set; }

    /// <summary>The person this recipient stands in for as Plt./Plh., when the alert came to them that way.</summary>
    public string? OnBehalfOf { get; set; }

    public required string Title { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Set when SMTP was configured and the recipient had an address at the time of the alert.</summary>
    public string? EmailTo { get; set; }
    public DateTimeOffset? EmailQueuedAt { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
}
