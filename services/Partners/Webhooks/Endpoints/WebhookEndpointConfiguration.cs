using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.Partners.Webhooks.Sending;

namespace Reseller.Partners.Webhooks.Endpoints;

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.PartnerId);
        builder.Property(e => e.Url).HasMaxLength(WebhookUrls.MaxLength);
        builder.Property(e => e.Description).HasMaxLength(200);
        builder.Property(e => e.Events).HasColumnType("text[]");
    }
}
