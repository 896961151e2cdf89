namespace Portal.Data.Entities;

/// <summary>
/// One daily digest e-mail for one person, date and scope ("dinas" or "bidang:{id}"); the unique key
/// keeps a re-run of the digest job from mailing anyone twice.
/// </summary>
public sealed class DigestDelivery
{
    public long Id { get; set; }
    public required string RecipientId { get; set; }
    public PortalUser? Recipient { get; set; }
    public DateOnly Date { get; set; }
    public required string Scope { get; set; }
    public required string EmailTo { get; set; }
    public required string Subject { get; set; }
    public required string BodyHtml { get; set; }
    public required string BodyText { get; set; }
    public int LateCount { get; set; }
    public int DueSoonCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EmailQueuedAt { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
}
