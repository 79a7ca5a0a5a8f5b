using System.Collections.Concurrent;

using Reseller.ServiceDefaults.Mail;

namespace Reseller.IntegrationTests.Mail;

/// <summary>Keeps the mails it is asked to send; refuses those to an address marked as failing.</summary>
public sealed class RecordingMailSender : IMailSender
{
    public const string FailingSuffix = "@down.test";

    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.EndsWith(FailingSuffix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The mail server refused the message.");
        }
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}
