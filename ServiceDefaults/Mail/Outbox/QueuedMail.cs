namespace Reseller.ServiceDefaults.Mail.Outbox;

/// <summary>
/// A mail written in the same transaction as the change that causes it and sent once that change has committed. Its body
/// may carry a one-time link, so it is stored encrypted and erased once the mail is sent (or given up); only the envelope
/// stays, until the retention job removes it.
/// </summary>
public sealed class QueuedMail
{
    public const int MaxAttempts = 12;
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(30);

    public long Id { get; private set; }
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? ProtectedBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? AbandonedAt { get; private set; }

    private QueuedMail()
    {
    }

    public static QueuedMail For(string to, string subject, string protectedBody, DateTimeOffset now) => new()
    {
        Recipient = to,
        Subject = subject,
        ProtectedBody = protectedBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        ProtectedBody = null;
    }

    /// <summary>Waits longer after each failure; after <see cref="MaxAttempts"/> the mail is given up and its body erased.</summary>
    public void CountFailure(DateTimeOffset now)
    {
        Attempts++;
        if (Attempts >= MaxAttempts)
        {
            AbandonedAt = now;
            ProtectedBody = null;
            return;
        }
        var wait = TimeSpan.FromSeconds(Math.Pow(2, Attempts));
        NextAttemptAt = now + (wait < LongestWait ? wait : LongestWait);
    }
}
