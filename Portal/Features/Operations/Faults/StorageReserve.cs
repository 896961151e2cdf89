using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Operations.Faults;

/// <summary>
/// A file of real, allocated bytes kept in the data folder while there is room. When the disk fills up it is deleted,
/// which gives the administrators' alert (and its e-mail job) room to be stored on a disk that is otherwise full; it is
/// made again once writes have worked for a while.
/// </summary>
public sealed class StorageReserve(IConfiguration configuration, IHostEnvironment environment, IOptions<FaultsOptions> options, ILogger<StorageReserve> logger)
{
    public const string FileName = "ruang-cadangan.bin";

    public string Path => System.IO.Path.Combine(DataRegistration.DataDirectory(configuration, environment), FileName);

    /// <summary>Makes the reserve when it is missing; a disk without room for it is logged and tried again later.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var bytes = options.Value.StorageReserveMegabytes * 1024L * 1024L;
        if (bytes <= 0 || (File.Exists(Path) && new FileInfo(Path).Length == bytes)) return;
        try
        {
            // Written, not only sized: a file made with SetLength is sparse and holds no disk space at all.
            await using var reserve = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var zeros = new byte[1 << 16];
            for (long written = 0; written < bytes; written += zeros.Length)
                await reserve.WriteAsync(zeros.AsMemory(0, (int)Math.Min(zeros.Length, bytes - written)), cancellationToken);
            await reserve.FlushAsync(cancellationToken);
            logger.LogInformation("Storage reserve of {Megabytes} MiB is in place", options.Value.StorageReserveMegabytes);
        }
        catch (Exception exception) when (StorageFailures.Classify(exception) is not null)
        {
            File.Delete(Path);
            logger.LogWarning("No room for the storage reserve of {Megabytes} MiB; it is made once writes work again", options.Value.StorageReserveMegabytes);
        }
    }

    /// <summary>Frees the reserve's space for the alert; true when there was one.</summary>
    public bool Release()
    {
        if (!File.Exists(Path)) return false;
        File.Delete(Path);
        logger.LogWarning("Storage reserve released so that the administrators' alert can be stored");
        return true;
    }
}
