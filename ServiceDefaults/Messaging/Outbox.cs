using System.Diagnostics;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Messaging;

public static class Outbox
{
    /// <summary>Adds an event to the outbox; it is published only if the surrounding SaveChanges commits.</summary>
    public static void Publish<TEvent>(this DbContext db, TEvent message, DateTimeOffset now) where TEvent : class
    {
        db.Set<OutboxMessage>().Add(OutboxMessage.For(
            Guid.CreateVersion7(),
            TypeName<TEvent>(),
            JsonSerializer.Serialize(message),
            Activity.Current?.Id,
            now));
    }

    /// <summary>The name the dispatcher resolves a body's type by.</summary>
    internal static string TypeName<TMessage>() => MessageTypeName<TMessage>.Value;

    /// <summary>The name the dispatcher resolves the body's type by, worked out once per type (not once per message).</summary>
    private static class MessageTypeName<TEvent>
    {
        public static readonly string Value = $"{typeof(TEvent).FullName}, {typeof(TEvent).Assembly.GetName().Name}";
    }
}
