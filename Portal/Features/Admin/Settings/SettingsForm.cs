using Cronos;
using FluentValidation;
using Portal.Data.Entities;

namespace Portal.Features.Admin.Settings;

/// <summary>
/// The settings page's model. The stored SMTP password is never put in it: a new one replaces it,
/// an empty field keeps it, and <see cref="ClearSmtpPassword"/> removes it.
/// </summary>
public sealed class SettingsForm
{
    public int DueSoonWorkingDays { get; set; }
    public int EscalationWorkingDays { get; set; }
    public string OverdueScanCron { get; set; } = "";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public bool SmtpUseTls { get; set; }
    public string? SmtpUserName { get; set; }
    public string? NewSmtpPassword { get; set; }
    public bool ClearSmtpPassword { get; set; }
    public bool HasSmtpPassword { get; private set; }
    public string SmtpSenderAddress { get; set; } = "";
    public string SmtpSenderName { get; set; } = "";
    public int MaxUploadMegabytes { get; set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    public static SettingsForm From(PortalSettings settings) => new()
    {
        DueSoonWorkingDays = settings.DueSoonWorkingDays,
        EscalationWorkingDays = settings.EscalationWorkingDays,
        OverdueScanCron = settings.OverdueScanCron,
        SmtpHost = settings.SmtpHost,
        SmtpPort = settings.SmtpPort,
        SmtpUseTls = settings.SmtpUseTls,
        SmtpUserName = settings.SmtpUserName,
        HasSmtpPassword = !string.IsNullOrEmpty(settings.SmtpPassword),
        SmtpSenderAddress = settings.SmtpSenderAddress,
        SmtpSenderName = settings.SmtpSenderName,
        MaxUploadMegabytes = settings.MaxUploadMegabytes,
        UpdatedAt = settings.UpdatedAt == default ? null : settings.UpdatedAt,
        UpdatedByName = settings.UpdatedByName,
    };

    public PortalSettings ApplyTo(PortalSettings stored)
    {
        var settings = stored.Copy();
        settings.DueSoonWorkingDays = DueSoonWorkingDays;
        settings.EscalationWorkingDays = EscalationWorkingDays;
        settings.OverdueScanCron = OverdueScanCron.Trim();
        settings.SmtpHost = Blank(SmtpHost);
        settings.SmtpPort = SmtpPort;
        settings.SmtpUseTls = SmtpUseTls;
        settings.SmtpUserName = Blank(SmtpUserName);
        if (ClearSmtpPassword) settings.SmtpPassword = null;
        else if (!string.IsNullOrEmpty(NewSmtpPassword)) settings.SmtpPassword = NewSmtpPassword;
        settings.SmtpSenderAddress = SmtpSenderAddress.Trim();
        settings.SmtpSenderName = SmtpSenderName.Trim();
        settings.MaxUploadMegabytes = MaxUploadMegabytes;
        return settings;
    }

    public static bool IsCron(string? expression)
    {
        try
        {
            CronExpression.Parse(expression?.Trim() ?? "", CronFormat.Standard);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class SettingsFormValidator : AbstractValidator<SettingsForm>
{
    public SettingsFormValidator()
    {
        RuleFor(f => f.DueSoonWorkingDays).InclusiveBetween(0, 10)
            .WithMessage("\"Segera jatuh tempo\" harus 0 sampai 10 hari kerja.");
        RuleFor(f => f.EscalationWorkingDays).InclusiveBetween(1, 30)
            .WithMessage("Eskalasi ke Kepala Dinas harus 1 sampai 30 hari kerja.");
        RuleFor(f => f.OverdueScanCron).Must(SettingsForm.IsCron)
            .WithMessage("Jadwal pemeriksaan bukan ekspresi cron lima bagian yang sah (contoh: */5 * * * * = setiap 5 menit).");
        RuleFor(f => f.SmtpHost).Matches("^[A-Za-z0-9.-]+$").When(f => f.SmtpConfigured)
            .WithMessage("Server SMTP hanya berisi huruf, angka, titik dan tanda hubung (contoh: mail.paserkab.go.id).")
            .MaximumLength(200).WithMessage("Server SMTP paling banyak 200 karakter.");
        RuleFor(f => f.SmtpPort).InclusiveBetween(1, 65535).WithMessage("Port SMTP harus 1 sampai 65535.");
        RuleFor(f => f.SmtpUserName).MaximumLength(200).WithMessage("Nama pengguna SMTP paling banyak 200 karakter.");
        RuleFor(f => f.NewSmtpPassword).MaximumLength(200).WithMessage("Kata sandi SMTP paling banyak 200 karakter.");
        RuleFor(f => f.SmtpSenderAddress).NotEmpty().WithMessage("Alamat pengirim wajib diisi.")
            .EmailAddress().WithMessage("Alamat pengirim bukan alamat e-mail yang sah.")
            .MaximumLength(200).WithMessage("Alamat pengirim paling banyak 200 karakter.");
        RuleFor(f => f.SmtpSenderName).Must(n => n.Trim().Length > 0).WithMessage("Nama pengirim wajib diisi.")
            .MaximumLength(100).WithMessage("Nama pengirim paling banyak 100 karakter.");
        RuleFor(f => f.MaxUploadMegabytes).InclusiveBetween(1, 100).WithMessage("Batas unggahan harus 1 sampai 100 MB.");
    }
}
