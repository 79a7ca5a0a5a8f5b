using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Webhooks.Deliveries;

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(a => a.DeliveryId);
        builder.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookAttempt.ExcerptLength);
        builder.Property(a => a.Error).HasMaxLength(300);
    }
}
