using System.Text.Json;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Mail.Outbox;

/// <summary>
/// Queues a mail in the caller's unit of work, its body encrypted with the service's Data Protection keys (kept in its own
/// database, so every replica can read what another wrote). The secret a mail carries thus never reaches RabbitMQ nor
/// sits in clear text in a table: <see cref="MailOutboxDispatcher{TDb}"/> sends it after commit and erases it.
/// </summary>
public sealed class MailOutbox(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Reseller.ServiceDefaults.Mail.Outbox.v1");

    /// <summary>Adds the mail to <paramref name="db"/>; it is sent only if the surrounding SaveChanges commits.</summary>
    public void Queue(DbContext db, OutgoingMail mail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        var body = protector.Protect(JsonSerializer.Serialize(new Body(mail.TextBody, mail.HtmlBody)));
        db.Set<QueuedMail>().Add(QueuedMail.For(mail.To, mail.Subject, body, now));
    }

    public OutgoingMail Open(QueuedMail queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var protectedBody = queued.ProtectedBody ?? throw new InvalidOperationException($"Mail {queued.Id} was already sent or given up.");
        var body = JsonSerializer.Deserialize<Body>(protector.Unprotect(protectedBody))!;
        return new OutgoingMail(queued.Recipient, queued.Subject, body.Text, body.Html);
    }

    private sealed record Body(string Text, string? Html);
}
