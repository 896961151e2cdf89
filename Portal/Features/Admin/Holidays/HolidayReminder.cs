using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Office;

namespace Portal.Features.Admin.Holidays;

/// <summary>When administrators are reminded to enter next year's holidays (section "Holidays" in appsettings).</summary>
public sealed class HolidayReminderOptions
{
    public const string Section = "Holidays";

    /// <summary>Day of the year (MM-dd, office time) from which next year's missing national holidays are an alert.</summary>
    public string RemindFrom { get; set; } = "10-01";

    /// <summary>Cron (office time) of the daily check; it also runs after every change to the holiday table.</summary>
    public string CheckCron { get; set; } = "0 7 * * *";

    public bool TryRemindFrom(int year, out DateOnly date)
    {
        date = default;
        if (!DateOnly.TryParseExact($"{year:D4}-{RemindFrom.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }
}

/// <summary>
/// Which years the working calendar lacks while it should not: this year always, and next year from
/// <see cref="HolidayReminderOptions.RemindFrom"/> (the SKB 3 Menteri is usually signed in September). A year counts
/// as entered once it has at least one libur nasional. <see cref="CheckAsync"/> alerts the administrators (bell and
/// e-mail, once per year) and resolves the alert when the year is entered; it runs daily and after every change to
/// the holiday table.
/// </summary>
public sealed class HolidayReminder(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<HolidayReminderOptions> options,
    SystemAlerts alerts,
    TimeProvider clock,
    OfficeTime officeTime)
{
    public const string AlertKeyPrefix = "holidays-missing-";
    public const string JobName = "Pemeriksaan hari libur tahun ini dan tahun depan";

    [JobDisplayName(JobName)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<IReadOnlyList<int>> CheckAsync(CancellationToken cancellationToken)
    {
        var missing = await MissingYearsAsync(cancellationToken);
        foreach (var year in missing)
            await alerts.RaiseAsync(AlertKey(year), Title(year), Message(year), cancellationToken, HolidaysPath(year));
        var stillMissing = missing.Select(AlertKey).ToHashSet();
        foreach (var key in await alerts.OpenKeysAsync(cancellationToken))
        {
            if (key.StartsWith(AlertKeyPrefix, StringComparison.Ordinal) && !stillMissing.Contains(key))
                await alerts.ResolveAsync(key, cancellationToken);
        }
        return missing;
    }

    public static string AlertKey(int year) => $"{AlertKeyPrefix}{year}";

    public async Task<IReadOnlyList<int>> MissingYearsAsync(CancellationToken cancellationToken = default)
    {
        var today = officeTime.Today(clock);
        var years = new List<int> { today.Year };
        if (options.Value.TryRemindFrom(today.Year, out var remindFrom) && today >= remindFrom) years.Add(today.Year + 1);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var missing = new List<int>();
        foreach (var year in years)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (!await db.Holidays.AnyAsync(h => h.Kind == HolidayKind.LiburNasional && h.Date >= from && h.Date <= to, cancellationToken))
                missing.Add(year);
        }
        return missing;
    }

    public static string Title(int year) => $"Hari libur tahun {year} belum diisi";

    public string Message(int year)
    {
        var thisYear = officeTime.Today(clock).Year;
        var effect = year <= thisYear
            ? "Tenggat SOP saat ini dihitung seolah-olah tidak ada libur nasional dan cuti bersama."
            : $"Tenggat langkah yang melewati 1 Januari {year} akan menghitung hari libur sebagai hari kerja.";
        return $"Libur nasional dan cuti bersama tahun {year} belum dimasukkan ke portal. {effect} "
            + "Impor daftar dari SKB 3 Menteri di Administrasi → Hari libur.";
    }

    public static string HolidaysPath(int year) => $"/admin/libur?tahun={year}";
}

/// <summary>The "/sehat" warning: Degraded (a warning, not a failure) while a year's holidays are missing.</summary>
public sealed class HolidaysHealthCheck(HolidayReminder reminder) : IHealthCheck
{
    public const string Name = "hari-libur";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = await reminder.MissingYearsAsync(cancellationToken);
        // "judul" is the title /sehat and the health page show (the health area's convention, HealthTexts.TitleKey).
        var data = new Dictionary<string, object> { ["judul"] = "Hari libur", ["tahunBelumDiisi"] = missing.ToArray() };
        return missing.Count == 0
            ? HealthCheckResult.Healthy("Hari libur: daftar tahun ini (dan tahun depan bila sudah waktunya) sudah diisi.", data)
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"Hari libur tahun {string.Join(" dan ", missing)} belum diisi; impor daftar SKB di /admin/libur.", data: data);
    }
}
