using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The administrator's settings, read often and changed rarely: cached, and replaced on save.
/// Defaults come from the "Settings" section of appsettings until an administrator saves.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalSettings> defaults, IDataProtectionProvider protection)
    : IInstanceCache
{
    // The SMTP password is stored encrypted with the portal's data-protection keys, never as plain text.
    private readonly IDataProtector passwordProtector = protection.CreateProtector("Portal.Settings.SmtpPassword");
    // One read or save of the cache at a time: a read that began before a save must not put back what the save replaced.
    private readonly SemaphoreSlim turn = new(1, 1);
    private volatile PortalSettings? cached;

    /// <summary>Raised with the new settings, whether saved here or read again after another instance saved them.</summary>
    public event Action<PortalSettings>? Changed;

    public event Action? ChangedHere;

    public string Name => "settings";

    public async Task<PortalSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } settings) return settings.Copy();
        await turn.WaitAsync(cancellationToken);
        try
        {
            return (cached ??= await ReadAsync(cancellationToken)).Copy();
        }
        finally
        {
            turn.Release();
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        PortalSettings? previous;
        PortalSettings fresh;
        await turn.WaitAsync(cancellationToken);
        try
        {
            previous = cached;
            cached = fresh = await ReadAsync(cancellationToken);
        }
        finally
        {
            turn.Release();
        }
        if (previous is not null && previous.UpdatedAt != fresh.UpdatedAt) Changed?.Invoke(fresh.Copy());
    }

    private async Task<PortalSettings> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null) stored.SmtpPassword = Unprotect(stored.SmtpPassword);
        return stored ?? defaults.Value.Copy();
    }

    private string? Unprotect(string? protectedPassword)
    {
        if (string.IsNullOrEmpty(protectedPassword)) return null;
        try
        {
            return passwordProtector.Unprotect(protectedPassword);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Keys lost (e.g. a restored database without its keys folder): the password must be entered again.
            return null;
        }
    }

    public async Task SaveAsync(PortalSettings settings, string actorId, string actorName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        PortalSettings saved;
        await turn.WaitAsync(cancellationToken);
        try
        {
            saved = await StoreAsync(settings, actorId, actorName, now, cancellationToken);
            cached = saved;
        }
        finally
        {
            turn.Release();
        }
        ChangedHere?.Invoke();
        Changed?.Invoke(saved.Copy());
    }

    private async Task<PortalSettings> StoreAsync(PortalSettings settings, string actorId, string actorName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Settings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new PortalSettings();
            db.Settings.Add(row);
        }
        var id = row.Id;
        db.Entry(row).CurrentValues.SetValues(settings);
        row.Id = id;
        row.SmtpPassword = string.IsNullOrEmpty(settings.SmtpPassword) ? null : passwordProtector.Protect(settings.SmtpPassword);
        row.UpdatedAt = now;
        row.UpdatedByName = actorName;
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = actorId, ActorName = actorName, Action = AuditActions.SettingsChanged });
        await db.SaveChangesAsync(cancellationToken);
        var saved = row.Copy();
        saved.SmtpPassword = settings.SmtpPassword;
        return saved;
    }
}
