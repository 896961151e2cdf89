using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Portal.Features.Operations.Health;

/// <summary>Free space on the disk that holds the data folder (database, uploads, logs); the path itself is never shown.</summary>
public sealed class DiskSpaceHealthCheck(DataFolderLocation dataFolder, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "ruang-disk";
    private const string Title = "Ruang penyimpanan";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var free = new DriveInfo(dataFolder.Path).AvailableFreeSpace;
        var minimum = options.Value.MinimumFreeDiskMegabytes * HealthTexts.Megabyte;
        var text = $"Ruang kosong di disk folder data {HealthTexts.Size(free)} (batas minimum {HealthTexts.Size(minimum)})";
        var result = free < minimum ? HealthTexts.Result(HealthStatus.Unhealthy, Title, text + ": penyimpanan hampir penuh, data baru dapat gagal disimpan.")
            : free < 2 * minimum ? HealthTexts.Result(HealthStatus.Degraded, Title, text + ": segera kosongkan ruang.")
            : HealthTexts.Result(HealthStatus.Healthy, Title, text + ".");
        return Task.FromResult(result);
    }
}

/// <summary>The data folder's full path, for checks that look at its disk.</summary>
public sealed record DataFolderLocation(string Path);
