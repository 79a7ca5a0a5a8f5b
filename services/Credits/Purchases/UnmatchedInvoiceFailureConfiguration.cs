using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Credits.Purchases;

public sealed class UnmatchedInvoiceFailureConfiguration : IEntityTypeConfiguration<UnmatchedInvoiceFailure>
{
    public void Configure(EntityTypeBuilder<UnmatchedInvoiceFailure> builder)
    {
        builder.ToTable("unmatched_invoice_failures");
        builder.HasKey(f => f.InvoiceId);
        builder.Property(f => f.InvoiceId).ValueGeneratedNever();
        builder.Property(f => f.FailureCode).HasMaxLength(100);
    }
}
