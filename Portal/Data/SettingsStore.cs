using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The administrator's settings, read often and changed rarely: cached, and replaced on save.
/// Defaults come from the "Settings" section of appsettings until an administrator saves.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalSettings> defaults)
{
    private volatile PortalSettings? cached;

    public event Action<PortalSettings>? Changed;

    public async Task<PortalSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } settings) return settings.Copy();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        cached = await db.Settings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? defaults.Value.Copy();
        return cached.Copy();
    }

    public async Task SaveAsync(PortalSettings settings, string actorId, string actorName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Settings.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new PortalSettings();
            db.Settings.Add(row);
        }
        var id = row.Id;
        db.Entry(row).CurrentValues.SetValues(settings);
        row.Id = id;
        row.UpdatedAt = now;
        row.UpdatedByName = actorName;
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = actorId, ActorName = actorName, Action = AuditActions.SettingsChanged });
        await db.SaveChangesAsync(cancellationToken);
        cached = row.Copy();
        Changed?.Invoke(row.Copy());
    }
}
