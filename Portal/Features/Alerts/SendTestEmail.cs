using FluentValidation;
using Portal.Data;

namespace Portal.Features.Alerts;

/// <summary>An administrator's request to send a test e-mail through the configured SMTP server.</summary>
public sealed record SendTestEmail(string Address);

public sealed class SendTestEmailValidator : AbstractValidator<SendTestEmail>
{
    public SendTestEmailValidator()
    {
        RuleFor(c => c.Address)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Alamat e-mail tujuan wajib diisi.")
            .MaximumLength(256).WithMessage("Alamat e-mail paling banyak 256 karakter.")
            .EmailAddress().WithMessage("Alamat e-mail tidak valid.");
    }
}

/// <summary>Sends the test e-mail at once (not through Hangfire), so the administrator sees the server's answer.</summary>
public sealed class SendTestEmailHandler(
    IValidator<SendTestEmail> validator,
    SettingsStore settingsStore,
    SmtpMailSender sender,
    PortalLinks links,
    TimeProvider clock,
    ILogger<SendTestEmailHandler> logger)
{
    public async Task<(bool Succeeded, string Message)> HandleAsync(SendTestEmail command, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return (false, validation.Errors[0].ErrorMessage);

        var settings = await settingsStore.GetAsync(cancellationToken);
        if (!settings.SmtpConfigured) return (false, "SMTP belum diatur: isi server SMTP di Pengaturan terlebih dahulu.");

        var address = command.Address.Trim();
        try
        {
            await sender.SendAsync(settings, AlertMail.Test(address, settings, links, clock.GetUtcNow()), cancellationToken);
            return (true, $"E-mail uji terkirim ke {address}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Test e-mail to {Address} failed", address);
            return (false, $"E-mail uji gagal dikirim melalui {settings.SmtpHost}:{settings.SmtpPort}: {ex.Message}");
        }
    }
}
