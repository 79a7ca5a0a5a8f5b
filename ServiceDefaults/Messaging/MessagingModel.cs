using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>The outbox and inbox tables each service's DbContext carries.</summary>
public static class MessagingModel
{
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).UseIdentityAlwaysColumn();
            // A deferred message keeps its id (the inbox de-duplicates by it): one row per deferral of it.
            e.HasIndex(m => new { m.MessageId, m.Deferrals }).IsUnique();
            e.Property(m => m.Destination).HasMaxLength(300);
            e.Property(m => m.Deferrals).HasDefaultValue(0); // Rows written without it (an older version's) are events.
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.Property(m => m.Body).HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.HasIndex(m => m.Id, "ix_outbox_messages_unpublished").HasFilter("published_at IS NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }
}
