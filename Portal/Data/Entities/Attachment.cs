namespace Portal.Data.Entities;

/// <summary>
/// A step output document. The bytes live outside wwwroot under a generated name; rows are never
/// deleted, a newer upload only supersedes an older one.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public int InnovationId { get; set; }
    public Innovation? Innovation { get; set; }
    public long StepRunId { get; set; }
    public StepRun? StepRun { get; set; }
    public int StepNumber { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedById { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? SupersededById { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
}
