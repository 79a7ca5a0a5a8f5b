namespace Reseller.ServiceDefaults.Data;

/// <summary>Bound from Retention: how long the platform tables keep what is done with, and how often they are purged.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Outbox rows already published to the broker.</summary>
    public TimeSpan PublishedOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows: longer than any redelivery of a message, or a late duplicate would run its effect again.</summary>
    public TimeSpan ConsumedInbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Idempotency records; never less than the 24 hours docs/api.md promises a replay.</summary>
    public TimeSpan IdempotencyKeys { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Envelopes of mails sent (or given up) from a mail outbox; their bodies are erased at once.</summary>
    public TimeSpan SentMail { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The purge scans tables without an index on these times, so it runs at most this often per process.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
