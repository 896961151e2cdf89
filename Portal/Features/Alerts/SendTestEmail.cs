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
    OfficeProfileStore officeProfile,
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
            await sender.SendAsync(settings, AlertMail.Test(address, settings, links, await officeProfile.GetAsync(cancellationToken), clock.GetUtcNow()), cancellationToken);
            return (true, $"E-mail uji terkirim ke {address}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Test e-mail to {Address} failed", address);
            return (false, $"E-mail uji gagal dikirim melalui {settings.SmtpHost}:{settings.SmtpPort}. {MailFailure.Explain(ex)}");
        }
    }
}

/// <summary>Says in Indonesian why sending failed; the exception itself goes to the log.</summary>
public static class MailFailure
{
    public static string Explain(Exception exception) => exception switch
    {
        System.Net.Sockets.SocketException => "Server SMTP tidak dapat dihubungi (periksa alamat, port dan jaringan).",
        MailKit.Security.AuthenticationException => "Server SMTP menolak nama pengguna atau kata sandi.",
        MailKit.Security.SslHandshakeException => "Sambungan TLS ke server SMTP gagal (periksa pengaturan TLS dan port).",
        MailKit.Net.Smtp.SmtpCommandException command => $"Server SMTP menolak pesan (kode {(int)command.StatusCode}).",
        TimeoutException => "Server SMTP tidak menjawab dalam batas waktu.",
        _ => "Terjadi kesalahan saat mengirim; lihat log server untuk rinciannya.",
    };
}
