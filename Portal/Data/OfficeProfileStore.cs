using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Data;

/// <summary>The office as every page, report, mail and calendar sees it: names, logo, zone and hours.</summary>
public sealed record OfficeSnapshot(
    string PemerintahDaerah,
    string NamaInstansi,
    string? Alamat,
    string? Telepon,
    string? Email,
    string? Situs,
    byte[]? Logo,
    string? LogoContentType,
    OfficeZone Zone,
    OfficeHours Hours,
    DateTimeOffset UpdatedAt,
    string? UpdatedByName);

/// <summary>The "Office" section of appsettings: the profile the database starts from.</summary>
public sealed class OfficeDefaults
{
    public string PemerintahDaerah { get; set; } = "Pemerintah Kabupaten Paser";
    public string NamaInstansi { get; set; } = "Dinas Kependudukan dan Pencatatan Sipil";
    public string? Alamat { get; set; }
    public string? Telepon { get; set; }
    public string? Email { get; set; }
    public string? Situs { get; set; }
    public string TimeZone { get; set; } = OfficeZone.Wita.Id;
    public string Opens { get; set; } = "07:30";
    public string Closes { get; set; } = "16:00";
}

/// <summary>
/// The office profile, read often and changed rarely: cached, replaced on save, and announced through
/// <see cref="Changed"/> so calendars and pages follow. Until an administrator saves, the defaults apply.
/// </summary>
public sealed class OfficeProfileStore(IDbContextFactory<PortalDbContext> dbFactory, IOptions<OfficeDefaults> defaults) : IInstanceCache
{
    // One read or save of the cache at a time: a read that began before a save must not put back what the save replaced.
    private readonly SemaphoreSlim turn = new(1, 1);
    private volatile OfficeSnapshot? cached;

    /// <summary>Raised with the new profile, whether saved here or read again after another instance saved it.</summary>
    public event Action<OfficeSnapshot>? Changed;

    public event Action? ChangedHere;

    public string Name => "office-profile";

    /// <summary>The last profile read; the defaults before the first read (for code that cannot wait).</summary>
    public OfficeSnapshot Current => cached ?? FromDefaults(defaults.Value);

    public async Task<OfficeSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } snapshot) return snapshot;
        await turn.WaitAsync(cancellationToken);
        try
        {
            return cached ??= await ReadAsync(cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        OfficeSnapshot? previous;
        OfficeSnapshot fresh;
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
        if (previous is not null && previous.UpdatedAt != fresh.UpdatedAt) Changed?.Invoke(fresh);
    }

    private async Task<OfficeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OfficeProfiles.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? FromDefaults(defaults.Value) : FromRow(row);
    }

    /// <summary>Stores the profile (one row) with an audit row, then announces it.</summary>
    public async Task<OfficeSnapshot> SaveAsync(OfficeProfile values, string actorId, string actorName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        OfficeSnapshot saved;
        await turn.WaitAsync(cancellationToken);
        try
        {
            cached = saved = await StoreAsync(values, actorId, actorName, now, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
        ChangedHere?.Invoke();
        Changed?.Invoke(saved);
        return saved;
    }

    private async Task<OfficeSnapshot> StoreAsync(OfficeProfile values, string actorId, string actorName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OfficeProfiles.OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new OfficeProfile { PemerintahDaerah = values.PemerintahDaerah, NamaInstansi = values.NamaInstansi, HoursJson = values.HoursJson };
            db.OfficeProfiles.Add(row);
        }
        var id = row.Id;
        db.Entry(row).CurrentValues.SetValues(values);
        row.Id = id;
        row.UpdatedAt = now;
        row.UpdatedByName = actorName;
        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = actorId, ActorName = actorName, Action = AuditActions.OfficeProfileChanged });
        await db.SaveChangesAsync(cancellationToken);
        return FromRow(row);
    }

    public static OfficeSnapshot FromRow(OfficeProfile row) => new(
        row.PemerintahDaerah, row.NamaInstansi, row.Alamat, row.Telepon, row.Email, row.Situs,
        row.Logo, row.LogoContentType,
        OfficeZone.FromId(row.TimeZoneId) ?? OfficeZone.Wita,
        OfficeHoursJson.Parse(row.HoursJson),
        row.UpdatedAt, row.UpdatedByName);

    public static OfficeSnapshot FromDefaults(OfficeDefaults values) => new(
        values.PemerintahDaerah, values.NamaInstansi, values.Alamat, values.Telepon, values.Email, values.Situs,
        null, null,
        OfficeZone.FromId(values.TimeZone) ?? OfficeZone.Wita,
        OfficeHours.Uniform(TimeOnly.Parse(values.Opens, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(values.Closes, System.Globalization.CultureInfo.InvariantCulture)),
        default, null);
}
