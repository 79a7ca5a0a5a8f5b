using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.Payments;

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.InvoiceId);
        // At most one attempt in flight per invoice.
        builder.HasIndex(p => p.InvoiceId, "ux_payments_one_pending_per_invoice").IsUnique().HasFilter("status = 'Pending'");
        builder.HasIndex(p => p.CreatedAt, "ix_payments_pending").HasFilter("status = 'Pending'");
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ProviderChargeId).HasMaxLength(100);
        builder.Property(p => p.FailureCode).HasMaxLength(50);
        builder.Property(p => p.ActionUrl).HasMaxLength(2000);
    }
}
