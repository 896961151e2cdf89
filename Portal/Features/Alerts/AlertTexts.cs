using Portal.Domain;

namespace Portal.Features.Alerts;

/// <summary>The alerts' Indonesian wording, in one place for the bell, the page, the e-mails and the admin screen.</summary>
public static class AlertTexts
{
    public static string LevelName(AlertLevel level) => level switch
    {
        AlertLevel.DueSoon => "Segera jatuh tempo",
        AlertLevel.Late => "Terlambat",
        AlertLevel.Escalation => "Eskalasi keterlambatan",
        AlertLevel.System => "Sistem portal",
        _ => level.ToString(),
    };

    public static string StepLabel(int number, string shortName) => $"Langkah {number} ({shortName})";

    public static string Title(AlertLevel level, string innovationTitle) => $"{LevelName(level)}: {innovationTitle}";

    /// <summary>"Pejabat Fungsional Rizky Ramadhan", or only the pelaksana when nobody holds the position.</summary>
    public static string Doers(SopPelaksana pelaksana, IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? pelaksana.Name : $"{pelaksana.Name} {list}";
    }

    public static string Message(AlertLevel level, SopStepDefinition step, DateTimeOffset dueAt, SlaStatus status,
        int escalationWorkingDays, string doers, AlertRecipient recipient, OfficeZone zone)
    {
        var stepLabel = StepLabel(step.Number, step.ShortName);
        var due = zone.DateTimeText(dueAt);
        var body = level switch
        {
            AlertLevel.DueSoon when status.Unit != StepTimeUnit.WorkingTime && status.Remaining.Days == 0 => $"{stepLabel} jatuh tempo hari ini, {due}.",
            AlertLevel.DueSoon => $"{stepLabel} jatuh tempo {due}; sisa {status.RemainingLabel}.",
            AlertLevel.Late => $"{stepLabel} melewati tenggat {due} ({status.Label}). Pelaksana: {Sentence(doers)}",
            _ => $"{stepLabel} {status.Label} sejak tenggat {due}, mencapai batas eskalasi {EscalationLimit(step, escalationWorkingDays)}. Pelaksana: {Sentence(doers)}",
        };
        return ActingPrefix(recipient) is { } acting ? $"{acting} {body}" : body;
    }

    /// <summary>"2 hari kerja", or for a step counted in hours or minutes "2 hari kerja atau 4 jam (waktu langkahnya)".</summary>
    public static string EscalationLimit(SopStepDefinition step, int escalationWorkingDays) =>
        WorkingCalendar.WorkingTime(step.Duration) is { } waktu
            ? $"{escalationWorkingDays} hari kerja atau {StepTimeText.Words(waktu)} (waktu langkahnya)"
            : $"{escalationWorkingDays} hari kerja";

    /// <summary>Ends a sentence with one full stop, also after a name that ends in a degree such as "S.Kom.".</summary>
    public static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>"Sebagai Plh. Kepala Dinas atas nama ...:", "Sebagai Plt. Kepala Bidang ... (jabatan lowong):", or null for one's own alert.</summary>
    public static string? ActingPrefix(AlertRecipient recipient) => recipient switch
    {
        { OnBehalfOf: { } principal } => $"Sebagai {recipient.ActingAs ?? "Plh."} atas nama {principal}:",
        { ActingAs: { } actingAs } => $"Sebagai {actingAs} (jabatan lowong):",
        _ => null,
    };

    public static string MailSubject(string title) => $"[Portal Inovasi] {title}";

    public static string DigestSubject(DateOnly date) => $"[Portal Inovasi] Ringkasan harian {IndonesianFormat.LongDate(date)}";

    public const string TestSubject = "[Portal Inovasi] Uji e-mail";

    public const string ScanJobName = "Pemeriksaan keterlambatan";
    public const string DigestJobName = "Ringkasan harian";

    public static string JobName(string job) => job switch
    {
        AlertSchedule.OverdueScanId => ScanJobName,
        AlertSchedule.DailyDigestId => DigestJobName,
        _ => job,
    };

    public const string DigestSkippedHoliday = "Hari ini bukan hari kerja: ringkasan tidak dikirim.";
    public const string DigestSkippedNoSmtp = "SMTP belum diatur: ringkasan tidak dikirim.";
}
