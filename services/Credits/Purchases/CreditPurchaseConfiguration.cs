using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.Credits.Purchases;

public sealed class CreditPurchaseConfiguration : IEntityTypeConfiguration<CreditPurchase>
{
    public void Configure(EntityTypeBuilder<CreditPurchase> builder)
    {
        builder.ToTable("credit_purchases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => new { p.PartnerId, p.Id });
        builder.HasIndex(p => new { p.PartnerId, p.Status, p.Id });
        builder.HasIndex(p => p.InvoiceId);
        builder.HasIndex(p => new { p.PartnerId, p.IdempotencyKey }).HasDatabaseName(PurchaseOrders.KeyIndex).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.Property(p => p.IdempotencyKey).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.FailureCode).HasMaxLength(100);
    }
}
