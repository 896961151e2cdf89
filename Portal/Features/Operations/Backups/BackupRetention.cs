using Portal.Domain;

namespace Portal.Features.Operations.Backups;

/// <summary>
/// Which backups stay: the newest verified backup of each of the last <c>daily</c> days that have one, then the
/// newest of each of the <c>weekly</c> weeks (Monday to Sunday, office time) before those days, and the two newest taken
/// before an upgrade. A failed backup stays only while it is newer than the oldest daily one, to be seen on the
/// admin page. Counting days with backups (not calendar days) means backups that stop never delete the last good ones.
/// </summary>
public static class BackupRetention
{
    public const int UpgradeBackupsKept = 2;

    public static IReadOnlySet<string> Kept(IEnumerable<BackupManifest> backups, int daily, int weekly, OfficeZone zone)
    {
        DateOnly Day(DateTimeOffset instant) => zone.LocalDate(instant);

        var all = backups.OrderByDescending(b => b.TakenAt).ToList();
        var verified = all.Where(b => b.Verified).ToList();
        var kept = new HashSet<string>(StringComparer.Ordinal);

        var days = verified.GroupBy(b => Day(b.TakenAt)).OrderByDescending(g => g.Key).ToList();
        foreach (var day in days.Take(daily)) kept.Add(day.First().Id);

        var oldestDaily = days.Take(daily).LastOrDefault()?.Key;
        var beforeDaily = oldestDaily is { } limit ? verified.Where(b => Day(b.TakenAt) < limit) : [];
        foreach (var week in beforeDaily.GroupBy(b => WeekStart(Day(b.TakenAt))).OrderByDescending(g => g.Key).Take(weekly))
            kept.Add(week.First().Id);

        foreach (var upgrade in verified.Where(b => b.Reason == BackupReason.BeforeUpgrade).Take(UpgradeBackupsKept))
            kept.Add(upgrade.Id);

        foreach (var failed in all.Where(b => !b.Verified && (oldestDaily is null || Day(b.TakenAt) >= oldestDaily)))
            kept.Add(failed.Id);
        return kept;
    }

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
