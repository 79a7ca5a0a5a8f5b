namespace Reseller.ServiceDefaults.Mail;

/// <summary>One e-mail to one recipient: plain text always, HTML when the message has a richer form.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null);
