using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Portal.Data.Entities;

namespace Portal.Features.Alerts;

/// <summary>Sends one message through the SMTP server in the settings. Throws when the server is unreachable or refuses.</summary>
public sealed class SmtpMailSender(ILogger<SmtpMailSender> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(PortalSettings settings, MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (!settings.SmtpConfigured) throw new InvalidOperationException("SMTP belum diatur.");

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        var security = !settings.SmtpUseTls ? SecureSocketOptions.None
            : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.SmtpHost!.Trim(), settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent \"{Subject}\" to {Recipients}", message.Subject, string.Join(", ", message.To.Mailboxes.Select(m => m.Address)));
    }
}
