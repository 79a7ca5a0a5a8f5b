using System.Diagnostics;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Messaging;

public static class Outbox
{
    /// <summary>Adds an event to the outbox; it is published only if the surrounding SaveChanges commits.</summary>
    public static void Publish<TEvent>(this DbContext db, TEvent message, DateTimeOffset now) where TEvent : class
    {
        var type = typeof(TEvent);
        db.Set<OutboxMessage>().Add(OutboxMessage.For(
            Guid.CreateVersion7(),
            $"{type.FullName}, {type.Assembly.GetName().Name}",
            JsonSerializer.Serialize(message),
            Activity.Current?.Id,
            now));
    }
}
