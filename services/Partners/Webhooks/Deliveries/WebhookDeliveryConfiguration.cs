using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Webhooks.Deliveries;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(50);
        builder.Property(d => d.Status).HasMaxLength(20);
        builder.HasIndex(d => new { d.EndpointId, d.Id });
        builder.HasIndex(d => new { d.EndpointId, d.NextAttemptAt }, "ix_webhook_deliveries_due").HasFilter("status = 'pending'");
        builder.HasIndex(d => d.CreatedAt);
    }
}
