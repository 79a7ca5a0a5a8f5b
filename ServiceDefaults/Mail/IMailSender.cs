namespace Reseller.ServiceDefaults.Mail;

/// <summary>
/// The mail port. Send from a message consumer (after the state change committed), never inside a request's transaction:
/// a redelivered message may send a mail twice, a rolled-back request must not send one at all. A mail that carries a
/// one-time secret goes through <see cref="Outbox.MailOutbox"/> instead, so the secret never reaches the broker.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
