using System.Net;
using System.Text;
using MimeKit;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;

namespace Portal.Features.Alerts;

/// <summary>What an alert e-mail says: read from the notification, its step run and innovation when it is sent.</summary>
public sealed record NotificationMail(
    string To,
    string RecipientName,
    AlertLevel Level,
    string Title,
    string Message,
    int InnovationId,
    string InnovationTitle,
    string StepLabel,
    DateTimeOffset DueAt,
    string Situation,
    string Href,
    AvailableMove? ReadyMove = null);

/// <summary>One line of a daily digest: a late or soon-due step.</summary>
public sealed record DigestItem(
    int InnovationId,
    string InnovationTitle,
    string Bidang,
    string StepLabel,
    string Doers,
    DateTimeOffset DueAt,
    SlaStatus Status);

/// <summary>Builds the portal's e-mails (HTML with a plain-text alternative) in Bahasa Indonesia, under the office's kop and in its zone.</summary>
public static class AlertMail
{
    private const string Accent = "#0B4EA2";

    public static MimeMessage ForNotification(NotificationMail mail, PortalSettings settings, PortalLinks links, OfficeSnapshot office)
    {
        var link = links.BaseUrl + mail.Href;
        var rows = new (string Label, string Value)[]
        {
            ("Inovasi", mail.InnovationTitle),
            ("Langkah", mail.StepLabel),
            ("Tenggat", office.Zone.DateTimeText(mail.DueAt)),
            ("Keadaan", mail.Situation),
        };

        var html = new StringBuilder()
            .Append(Header(AlertTexts.LevelName(mail.Level), links, office))
            .Append($"<p>Yth. {Encode(mail.RecipientName)},</p>")
            .Append($"<p>{Encode(mail.Message)}</p>")
            .Append(Table(rows))
            .Append(mail.ReadyMove is { } ready ? $"<p>{Encode(ReadyMoveSentence(ready))}</p>" : "")
            .Append(Button(link, mail.ReadyMove?.Label ?? "Buka inovasi di portal"))
            .Append(Footer(links, office))
            .ToString();
        var text = new StringBuilder()
            .AppendLine($"Yth. {mail.RecipientName},").AppendLine()
            .AppendLine(mail.Message).AppendLine()
            .AppendJoin(Environment.NewLine, rows.Select(r => $"{r.Label}: {r.Value}")).AppendLine().AppendLine()
            .AppendLine(mail.ReadyMove is { } move ? $"{ReadyMoveSentence(move)} {link}" : $"Buka inovasi: {link}")
            .ToString();
        return Message(settings, mail.To, mail.RecipientName, AlertTexts.MailSubject(mail.Title), html, PlainText(text, links, office));
    }

    private static string ReadyMoveSentence(AvailableMove move) =>
        $"Tautan berikut membuka portal dengan tindakan \"{move.Label}\" siap; Anda tetap mengonfirmasinya di portal.";

    /// <summary>An alert to an administrator about the portal itself.</summary>
    public static MimeMessage ForSystemAlert(string to, string recipientName, string title, string message, string? link,
        PortalSettings settings, PortalLinks links, OfficeSnapshot office)
    {
        var target = links.BaseUrl + (link ?? "/notifikasi");
        var html = new StringBuilder()
            .Append(Header(AlertTexts.LevelName(AlertLevel.System), links, office))
            .Append($"<p>Yth. {Encode(recipientName)},</p>")
            .Append($"<p>{Encode(message)}</p>")
            .Append(Button(target, "Buka di portal"))
            .Append(Footer(links, office))
            .ToString();
        var text = $"Yth. {recipientName},{Environment.NewLine}{Environment.NewLine}{message}{Environment.NewLine}{Environment.NewLine}Buka di portal: {target}{Environment.NewLine}";
        return Message(settings, to, recipientName, AlertTexts.MailSubject(title), html, PlainText(text, links, office));
    }

    public static (string Html, string Text) DigestBody(string recipientName, string scopeName, string? actingPrefix,
        DateOnly date, IReadOnlyList<DigestItem> items, Func<int, string> hrefOf, PortalLinks links, OfficeSnapshot office)
    {
        var late = items.Where(i => i.Status.Level == SlaLevel.Late).OrderByDescending(i => i.Status.WorkingDaysLate).ThenBy(i => i.DueAt).ToList();
        var soon = items.Where(i => i.Status.Level == SlaLevel.DueSoon).OrderBy(i => i.DueAt).ToList();
        var intro = $"Ringkasan langkah SOP Inovasi Pelayanan {scopeName} per {IndonesianFormat.LongDate(date)}: "
            + $"{late.Count} langkah terlambat dan {soon.Count} langkah segera jatuh tempo.";

        var html = new StringBuilder()
            .Append(Header("Ringkasan harian", links, office))
            .Append($"<p>Yth. {Encode(recipientName)},</p>");
        if (actingPrefix is not null) html.Append($"<p><em>{Encode(actingPrefix.TrimEnd(':'))}.</em></p>");
        html.Append($"<p>{Encode(intro)}</p>")
            .Append(DigestSection("Terlambat", late, hrefOf, links, office.Zone))
            .Append(DigestSection("Segera jatuh tempo", soon, hrefOf, links, office.Zone))
            .Append(Button(links.BaseUrl + "/", "Buka papan inovasi"))
            .Append(Footer(links, office));

        var text = new StringBuilder().AppendLine($"Yth. {recipientName},").AppendLine();
        if (actingPrefix is not null) text.AppendLine(actingPrefix.TrimEnd(':') + ".");
        text.AppendLine(intro).AppendLine();
        foreach (var (heading, list) in new[] { ("Terlambat", late), ("Segera jatuh tempo", soon) })
        {
            if (list.Count == 0) continue;
            text.AppendLine(heading + ":");
            foreach (var item in list)
                text.AppendLine($"- {item.InnovationTitle} ({item.Bidang}), {item.StepLabel}, tenggat {office.Zone.DateTimeText(item.DueAt)}, {item.Status.Label}. {links.BaseUrl + hrefOf(item.InnovationId)}");
            text.AppendLine();
        }
        return (html.ToString(), PlainText(text.ToString(), links, office));
    }

    public static MimeMessage ForDigest(DigestDelivery digest, string recipientName, PortalSettings settings) =>
        Message(settings, digest.EmailTo, recipientName, digest.Subject, digest.BodyHtml, digest.BodyText);

    public static MimeMessage Test(string to, PortalSettings settings, PortalLinks links, OfficeSnapshot office, DateTimeOffset now)
    {
        var sentence = $"E-mail uji ini dikirim dari Portal Inovasi Pelayanan pada {office.Zone.DateTimeText(now)}. "
            + "Bila Anda menerimanya, pengaturan SMTP portal sudah benar.";
        var html = Header("Uji e-mail", links, office) + $"<p>{Encode(sentence)}</p>" + Button(links.BaseUrl + "/", "Buka portal") + Footer(links, office);
        return Message(settings, to, to, AlertTexts.TestSubject, html, PlainText(sentence + Environment.NewLine + links.BaseUrl + "/" + Environment.NewLine, links, office));
    }

    private static MimeMessage Message(PortalSettings settings, string to, string toName, string subject, string html, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.SmtpSenderName, settings.SmtpSenderAddress));
        message.To.Add(new MailboxAddress(toName, to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
        return message;
    }

    private static string DigestSection(string heading, IReadOnlyList<DigestItem> items, Func<int, string> hrefOf, PortalLinks links, OfficeZone zone)
    {
        if (items.Count == 0) return "";
        var html = new StringBuilder($"<h3 style=\"color:{Accent};margin:16px 0 8px\">{Encode(heading)} ({items.Count})</h3>")
            .Append("<table style=\"border-collapse:collapse;width:100%;font-size:14px\"><tr>");
        foreach (var column in new[] { "Inovasi", "Bidang", "Langkah", "Pelaksana", "Tenggat", "Keadaan" })
            html.Append($"<th style=\"text-align:left;border-bottom:2px solid #ccc;padding:4px\">{column}</th>");
        html.Append("</tr>");
        foreach (var item in items)
        {
            html.Append("<tr>")
                .Append($"<td style=\"padding:4px;border-bottom:1px solid #eee\"><a href=\"{Encode(links.BaseUrl + hrefOf(item.InnovationId))}\">{Encode(item.InnovationTitle)}</a></td>")
                .Append(Cell(item.Bidang)).Append(Cell(item.StepLabel)).Append(Cell(item.Doers))
                .Append(Cell(zone.DateTimeText(item.DueAt))).Append(Cell(item.Status.Label))
                .Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>The plain-text alternative under the same kop as the HTML: the office's names and contacts, then the body and the footer.</summary>
    private static string PlainText(string body, PortalLinks links, OfficeSnapshot office)
    {
        var kop = new StringBuilder()
            .AppendLine(office.PemerintahDaerah.ToUpper(IndonesianFormat.Culture))
            .AppendLine(office.NamaInstansi.ToUpper(IndonesianFormat.Culture));
        if (office.ContactLine() is { } contact) kop.AppendLine(contact);
        return kop.AppendLine(new string('-', 60)).AppendLine()
            .Append(body).AppendLine()
            .AppendLine($"E-mail ini dikirim otomatis oleh Portal Inovasi Pelayanan {office.FullName()}. Semua pemberitahuan Anda: {links.Notifications}")
            .ToString();
    }

    /// <summary>The kop: the office's logo and names, then the portal's bar with what the e-mail is about.</summary>
    private static string Header(string heading, PortalLinks links, OfficeSnapshot office)
    {
        var contact = office.ContactLine() is { } line ? $"<div style=\"font-size:12px;color:#555\">{Encode(line)}</div>" : "";
        return "<div style=\"font-family:Segoe UI,Arial,sans-serif;color:#222;max-width:680px\">"
            + "<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 8px\"><tr>"
            + $"<td style=\"padding:4px 12px 4px 0;vertical-align:middle\"><img src=\"{Encode(links.BaseUrl + OfficeLogo.Url(office))}\" alt=\"\" width=\"56\" height=\"56\"></td>"
            + "<td style=\"vertical-align:middle\">"
            + $"<div style=\"font-size:13px;letter-spacing:.5px\">{Encode(office.PemerintahDaerah.ToUpper(IndonesianFormat.Culture))}</div>"
            + $"<div style=\"font-size:16px;font-weight:bold\">{Encode(office.NamaInstansi.ToUpper(IndonesianFormat.Culture))}</div>{contact}</td>"
            + "</tr></table>"
            + $"<div style=\"background:{Accent};color:#fff;padding:12px 16px;font-size:18px\">Portal Inovasi Pelayanan — {Encode(heading)}</div>"
            + "<div style=\"padding:16px\">";
    }

    private static string Footer(PortalLinks links, OfficeSnapshot office) =>
        "<p style=\"color:#666;font-size:12px;margin-top:24px\">E-mail ini dikirim otomatis oleh Portal Inovasi Pelayanan "
        + $"{Encode(office.FullName())}. Semua pemberitahuan Anda: "
        + $"<a href=\"{Encode(links.Notifications)}\">{Encode(links.Notifications)}</a></p></div></div>";

    private static string Table(IEnumerable<(string Label, string Value)> rows) =>
        "<table style=\"border-collapse:collapse;font-size:14px\">"
        + string.Concat(rows.Select(r => $"<tr><th style=\"text-align:left;padding:4px 12px 4px 0\">{Encode(r.Label)}</th><td style=\"padding:4px\">{Encode(r.Value)}</td></tr>"))
        + "</table>";

    private static string Button(string href, string label) =>
        $"<p style=\"margin:20px 0\"><a href=\"{Encode(href)}\" style=\"background:{Accent};color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">{Encode(label)}</a></p>"
        + $"<p style=\"font-size:12px;color:#666\">Tautan: {Encode(href)}</p>";

    private static string Cell(string value) => $"<td style=\"padding:4px;border-bottom:1px solid #eee\">{Encode(value)}</td>";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
