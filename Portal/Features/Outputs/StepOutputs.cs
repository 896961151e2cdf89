using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;
using Portal.Features.Operations.Faults;
using Portal.Features.Workflow;

namespace Portal.Features.Outputs;

public sealed record OutputResult(bool Succeeded, string Message, Guid? AttachmentId = null)
{
    public static OutputResult Refused(string message) => new(false, message);
}

/// <summary>
/// Stores and serves step outputs. Uploads stream to disk outside wwwroot while being hashed, are
/// recognised by content, and are recorded with their audit row in one transaction. A full or unwritable disk
/// leaves no file behind and the person is told in words.
/// </summary>
public sealed class StepOutputs(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopCatalog sops,
    SettingsStore settings,
    InnovationEvents events,
    WriteGate writeGate,
    StorageAlarm storageAlarm,
    TimeProvider clock,
    OfficeTime officeTime,
    IConfiguration configuration,
    IHostEnvironment environment)
{
    public string Folder => DataRegistration.AttachmentsDirectory(configuration, environment);

    /// <summary>
    /// Where uploads stream to before they are recorded (on the outputs' own disk, so placing one is a rename); what is
    /// left here was cut off by a crash. In a shared folder each server has its own, so one never clears another's.
    /// </summary>
    public string TemporaryFolder => DataRegistration.AttachmentsAreShared(configuration)
        ? Path.Combine(Folder, "tmp", Environment.MachineName)
        : Path.Combine(Folder, "tmp");

    /// <summary>True when other instances write to the same folder (see <see cref="PortalOptions.AttachmentsDirectory"/>).</summary>
    public bool FolderIsShared => DataRegistration.AttachmentsAreShared(configuration);

    public async Task<long> MaxBytesAsync() => (await settings.GetAsync()).MaxUploadMegabytes * 1024L * 1024L;

    /// <param name="forRunId">The step run the person chose the file for; null means the step open now.</param>
    public async Task<OutputResult> UploadAsync(int innovationId, string fileName, Stream content, string userId,
        Guid? replaces = null, long? forRunId = null, CancellationToken cancellationToken = default)
    {
        if (FileTypes.NameProblem(fileName) is { } nameProblem) return OutputResult.Refused(nameProblem);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var refusal = await UploadRefusalAsync(db, innovationId, userId, replaces, forRunId, cancellationToken);
            if (refusal is not null) return OutputResult.Refused(refusal);
        }

        var staged = await StageAsync(fileName, content, cancellationToken);
        if (staged.Upload is not { } upload) return OutputResult.Refused(staged.Refusal!);
        using (upload)
        {
            try
            {
                return await RecordAsync(innovationId, upload, userId, replaces, forRunId, cancellationToken);
            }
            catch (Exception exception) when (storageAlarm.Recognise(exception) is { } failure)
            {
                return OutputResult.Refused(failure.Message);
            }
        }
    }

    /// <summary>
    /// Streams a file to the temporary folder while hashing it, stopping at the size limit, and recognises it by its
    /// content. Nothing is recorded; a refused file leaves nothing behind.
    /// </summary>
    public async Task<StageResult> StageAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        if (FileTypes.NameProblem(fileName) is { } nameProblem) return new StageResult(null, nameProblem);
        var maxBytes = await MaxBytesAsync();
        var temporary = Path.Combine(TemporaryFolder, Guid.NewGuid().ToString("N"));
        StagedUpload? staged = null;
        try
        {
            Directory.CreateDirectory(TemporaryFolder);
            var (size, hash) = await CopyHashedAsync(content, temporary, maxBytes, cancellationToken);
            if (size == 0) return new StageResult(null, "Berkas kosong; tidak ada yang diunggah.");
            if (size > maxBytes) return new StageResult(null, FileTypes.TooLarge(maxBytes));

            AllowedFileType? type;
            await using (var stored = File.OpenRead(temporary)) type = FileTypes.Detect(stored, fileName);
            if (type is null)
                return new StageResult(null, $"Isi berkas tidak sesuai dengan jenisnya \"{Path.GetExtension(fileName)}\". Yang diterima: {FileTypes.AllowedList}.");

            staged = new StagedUpload(fileName, temporary, size, hash, type);
            return new StageResult(staged, null);
        }
        catch (Exception exception) when (storageAlarm.Recognise(exception) is { } failure)
        {
            return new StageResult(null, failure.Message);
        }
        finally
        {
            if (staged is null && File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Moves a staged file to its place among the outputs and gives the attachment row recording it as an output of
    /// <paramref name="run"/>, for the caller to add and save in its transaction (calling <see cref="StagedUpload.Withdraw"/>
    /// if that save fails).
    /// </summary>
    public Attachment Place(StagedUpload upload, int innovationId, StepRun run, string uploaderId, string uploaderName, DateTimeOffset now)
    {
        var storedName = Path.Combine(officeTime.LocalDate(now).Year.ToString(CultureInfo.InvariantCulture), upload.Id.ToString("N") + ".bin");
        var finalPath = Path.Combine(Folder, storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        File.Move(upload.TemporaryPath, finalPath);
        upload.PlacedPath = finalPath;
        return new Attachment
        {
            Id = upload.Id, InnovationId = innovationId, StepRunId = run.Id, StepNumber = run.StepNumber, FileName = upload.FileName,
            StoredName = storedName, ContentType = upload.Type.ContentType, SizeBytes = upload.SizeBytes, Sha256 = upload.Sha256,
            UploadedById = uploaderId, UploadedByName = uploaderName, UploadedAt = now,
        };
    }

    /// <summary>The document and its bytes, when this person may see them; null for unknown ids and refusals alike.</summary>
    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(Guid id, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.AsNoTracking().Include(a => a.Innovation).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null) return null;
        var actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock), cancellationToken);
        if (actor is null || !InnovationAccess.CanSeeDocuments(actor, attachment.Innovation!.BidangId)) return null;
        var path = Path.Combine(Folder, attachment.StoredName);
        return File.Exists(path) ? (attachment, File.OpenRead(path)) : null;
    }

    private async Task<string?> UploadRefusalAsync(PortalDbContext db, int innovationId, string userId, Guid? replaces, long? forRunId,
        CancellationToken cancellationToken)
    {
        var innovation = await db.Innovations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == innovationId, cancellationToken);
        if (innovation is null) return "Inovasi tidak ditemukan.";
        var sop = await sops.GetAsync(innovation.SopDefinitionId, cancellationToken);
        if (innovation.Status != InnovationStatus.Berjalan) return $"{sop.ItemNounCapitalized} ini sudah selesai atau dibatalkan; lampiran tidak dapat ditambah.";
        var actor = await ActorDirectory.ResolveAsync(db, userId, officeTime.Today(clock), cancellationToken);
        if (actor is null) return "Akun Anda tidak aktif atau tidak dikenal.";
        var step = sop.Step(innovation.CurrentStep);
        if (SopWorkflow.CapacityFor(sop, step, innovation.State, actor) is null)
            return $"Hanya {sop.PelaksanaOf(step).Name} dari bidang {sop.ItemNoun} ini yang dapat mengunggah keluaran langkah {step.Number}.";
        var openRunId = await db.StepRuns.Where(r => r.InnovationId == innovationId && r.FinishedAt == null)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (forRunId is { } chosen && chosen != openRunId)
            return $"{sop.ItemNounCapitalized} ini sudah berpindah langkah sejak halaman Anda dibuka; berkas tidak disimpan. Periksa langkahnya lalu unggah lagi.";
        // Only an output of the step open now may be replaced: finished steps keep their history as it was.
        if (replaces is { } replaced && !await db.Attachments.AnyAsync(
                a => a.Id == replaced && a.InnovationId == innovationId && a.StepRunId == openRunId && a.SupersededAt == null, cancellationToken))
            return "Berkas yang hendak diganti tidak ditemukan, sudah diganti, atau milik langkah yang sudah selesai.";
        return null;
    }

    private static async Task<(long Size, string Hash)> CopyHashedAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = File.Create(path);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            // Stop reading as soon as the limit is passed: the rest never reaches the disk.
            if (size > maxBytes) return (size, "");
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private async Task<OutputResult> RecordAsync(int innovationId, StagedUpload upload, string userId, Guid? replaces, long? forRunId,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (result, change) = await writeGate.RunAsync<(OutputResult, InnovationChanged?)>(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Checked again inside the write transaction: the step may have moved on while the file streamed in.
            var refusal = await UploadRefusalAsync(db, innovationId, userId, replaces, forRunId, cancellationToken);
            if (refusal is not null) return (OutputResult.Refused(refusal), null);

            var run = await db.StepRuns.Where(r => r.InnovationId == innovationId && r.FinishedAt == null).OrderByDescending(r => r.Id).FirstAsync(cancellationToken);
            var uploader = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
            db.Attachments.Add(Place(upload, innovationId, run, userId, uploader.FullName, now));
            if (replaces is { } replaced)
            {
                var old = await db.Attachments.SingleAsync(a => a.Id == replaced, cancellationToken);
                old.SupersededById = upload.Id;
                old.SupersededAt = now;
            }
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorId = userId, ActorName = uploader.FullName, Action = AuditActions.OutputUploaded, InnovationId = innovationId,
                FromStep = run.StepNumber, ToStep = run.StepNumber,
                Detail = $"{upload.FileName} ({upload.SizeBytes / 1024.0:F0} KB, SHA-256 {upload.Sha256[..12]}…)" + (replaces is null ? "" : ", menggantikan berkas sebelumnya"),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                upload.Withdraw();
                throw;
            }
            return (new OutputResult(true, $"Berkas \"{upload.FileName}\" diunggah untuk langkah {run.StepNumber}.", upload.Id),
                new InnovationChanged(innovationId, AuditActions.OutputUploaded, run.StepNumber, run.StepNumber,
                    InnovationStatus.Berjalan, uploader.FullName, now));
        }, cancellationToken);

        if (change is not null) events.Publish(change);
        return result;
    }
}
