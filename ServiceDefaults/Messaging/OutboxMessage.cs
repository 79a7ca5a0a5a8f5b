namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// An event written in the same transaction as the state change it announces; published later, at least once. A consumed
/// message deferred for redelivery (<see cref="DeferredRedelivery{TDb}"/>) is a row too: sent to <see cref="Destination"/>
/// only, not before <see cref="NotBefore"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? TraceParent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>The address a deferred message is sent back to (its queue's exchange); null for an event, which is published.</summary>
    public string? Destination { get; private set; }

    /// <summary>When a deferred message may be sent, in real time (not the sandbox clock); null for an event.</summary>
    public DateTimeOffset? NotBefore { get; private set; }

    /// <summary>How many times the message was deferred with this row (0 for an event).</summary>
    public int Deferrals { get; private set; }

    private OutboxMessage()
    {
    }

    public static OutboxMessage For(Guid messageId, string messageType, string body, string? traceParent, DateTimeOffset now) => new()
    {
        MessageId = messageId,
        MessageType = messageType,
        Body = body,
        TraceParent = traceParent,
        CreatedAt = now,
    };
}
