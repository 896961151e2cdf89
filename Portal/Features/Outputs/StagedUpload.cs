namespace Portal.Features.Outputs;

/// <summary>
/// An upload streamed to the temporary folder, hashed and recognised by its content, not yet recorded. Its id is
/// the attachment's id once recorded, so a form can refer to it before the save. Disposing deletes the temporary
/// file if it was never placed.
/// </summary>
public sealed class StagedUpload(string fileName, string temporaryPath, long sizeBytes, string sha256, AllowedFileType type) : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();
    public string FileName { get; } = fileName.Trim();
    public long SizeBytes { get; } = sizeBytes;
    public string Sha256 { get; } = sha256;
    public AllowedFileType Type { get; } = type;

    internal string TemporaryPath { get; } = temporaryPath;

    /// <summary>Where <see cref="StepOutputs.Place"/> moved the file; null until then.</summary>
    internal string? PlacedPath { get; set; }

    /// <summary>Deletes the placed file again: the save that was to record it failed.</summary>
    public void Withdraw()
    {
        if (PlacedPath is { } placed && File.Exists(placed)) File.Delete(placed);
        PlacedPath = null;
    }

    public void Dispose()
    {
        if (File.Exists(TemporaryPath)) File.Delete(TemporaryPath);
    }
}

public sealed record StageResult(StagedUpload? Upload, string? Refusal);
