using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features.Operations.Backups;

public enum BackupReason
{
    Scheduled,
    Manual,
    BeforeUpgrade,
}

/// <summary>An attachment a backup needs, found in the shared attachments folder of the backup folder.</summary>
public sealed record BackupAttachment(string StoredName, long SizeBytes, string Sha256);

/// <summary>
/// What one backup holds and whether it was verified; written as manifest.json beside the copy (backups keep no
/// rows in the database they back up).
/// </summary>
public sealed record BackupManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    /// <summary>The backup's folder name inside the backup folder.</summary>
    public required string Id { get; init; }
    public required DateTimeOffset TakenAt { get; init; }
    public required BackupReason Reason { get; init; }
    /// <summary>The last migration applied to the copied database.</summary>
    public required string Schema { get; init; }
    public required long DatabaseBytes { get; init; }
    public required long AttachmentBytes { get; init; }
    /// <summary>Attachment files this backup copied because no earlier backup had them.</summary>
    public required int NewAttachmentFiles { get; init; }
    public required long NewAttachmentBytes { get; init; }
    public required long DurationMilliseconds { get; init; }
    /// <summary>Rows per table in the source at the moment of the copy.</summary>
    public required IReadOnlyDictionary<string, long> RowCounts { get; init; }
    public required IReadOnlyList<BackupAttachment> Attachments { get; init; }
    public required IReadOnlyList<string> KeyFiles { get; init; }
    public required bool Verified { get; init; }
    /// <summary>Why verification failed, in Indonesian for the admin page; null when verified.</summary>
    public string? Problem { get; init; }

    public long RowCount(string table) => RowCounts.TryGetValue(table, out var count) ? count : 0;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static BackupManifest? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
