namespace Reseller.ServiceDefaults.Messaging;

/// <summary>An event written in the same transaction as the state change it announces; published later, at least once.</summary>
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
