using Portal.Domain;
using Portal.Features.Operations.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Backups;

/// <summary>14 daily and 8 weekly backups, worked out by hand on the 2026 calendar (16 November 2026 is a Monday).</summary>
public sealed class BackupRetentionTests
{
    private static BackupManifest Backup(int month, int day, int hour = 2, BackupReason reason = BackupReason.Scheduled, bool verified = true)
    {
        var at = TestInstants.Wita(2026, month, day, hour, 0);
        return new BackupManifest
        {
            Id = $"{month:D2}-{day:D2} {hour:D2}:00{(reason == BackupReason.BeforeUpgrade ? " pembaruan" : "")}{(verified ? "" : " gagal")}",
            TakenAt = at, Reason = reason, Schema = "x", DatabaseBytes = 1, AttachmentBytes = 0, NewAttachmentFiles = 0, NewAttachmentBytes = 0,
            DurationMilliseconds = 1, RowCounts = new Dictionary<string, long>(), Attachments = [], KeyFiles = [], Verified = verified,
        };
    }

    [Fact]
    public void The_newest_of_each_of_the_last_14_days_then_the_newest_of_each_of_the_8_weeks_before_them_are_kept()
    {
        var nightly = Enumerable.Range(0, 91).Select(d => new DateOnly(2026, 9, 1).AddDays(d)).Select(d => Backup(d.Month, d.Day)).ToList();
        var backups = nightly.Concat([
            Backup(11, 30, 10, BackupReason.Manual),
            Backup(9, 10, 9, BackupReason.BeforeUpgrade),
            Backup(11, 29, 11, verified: false),
            Backup(10, 1, 11, verified: false),
        ]).ToList();

        var kept = BackupRetention.Kept(backups, daily: 14, weekly: 8, OfficeZone.Wita);

        string[] daily =
        [
            "11-30 10:00", "11-29 02:00", "11-28 02:00", "11-27 02:00", "11-26 02:00", "11-25 02:00", "11-24 02:00",
            "11-23 02:00", "11-22 02:00", "11-21 02:00", "11-20 02:00", "11-19 02:00", "11-18 02:00", "11-17 02:00",
        ];
        // Weeks before 17 November: Monday 16 November alone, then the Sundays closing each earlier week.
        string[] weekly = ["11-16 02:00", "11-15 02:00", "11-08 02:00", "11-01 02:00", "10-25 02:00", "10-18 02:00", "10-11 02:00", "10-04 02:00"];
        string[] others = ["09-10 09:00 pembaruan", "11-29 11:00 gagal"];
        Assert.Equal(daily.Concat(weekly).Concat(others).Order(), kept.Order());
    }

    [Fact]
    public void When_backups_stop_the_last_good_ones_stay()
    {
        var backups = Enumerable.Range(1, 20).Select(d => Backup(10, d))
            .Concat(Enumerable.Range(21, 10).Select(d => Backup(10, d, verified: false)))
            .ToList();

        var kept = BackupRetention.Kept(backups, daily: 14, weekly: 8, OfficeZone.Wita);

        // Days 7–20 October daily; before them the newest of the week of 28 September (Sunday 4th) and of 5 October (Tuesday 6th).
        var expected = new[] { 4, 6 }.Concat(Enumerable.Range(7, 14)).Select(d => $"10-{d:D2} 02:00");
        Assert.Equal(expected, kept.Where(id => !id.EndsWith("gagal")).Order());
        Assert.Equal(10, kept.Count(id => id.EndsWith("gagal")));
    }

    [Fact]
    public void Only_the_two_newest_backups_before_an_upgrade_are_kept_beyond_the_rules()
    {
        var backups = new[]
        {
            Backup(11, 30), Backup(6, 1, 9, BackupReason.BeforeUpgrade), Backup(7, 1, 9, BackupReason.BeforeUpgrade), Backup(8, 1, 9, BackupReason.BeforeUpgrade),
        };

        var kept = BackupRetention.Kept(backups, daily: 1, weekly: 0, OfficeZone.Wita);

        Assert.Equal(["07-01 09:00 pembaruan", "08-01 09:00 pembaruan", "11-30 02:00"], kept.Order());
    }
}
