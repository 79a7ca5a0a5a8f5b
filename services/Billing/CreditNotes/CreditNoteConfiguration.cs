using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.CreditNotes;

public sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.ToTable("credit_notes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.InvoiceId);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.Payer).HasMaxLength(10);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.RefundedCharge).HasMaxLength(100);
        builder.Property(c => c.ProviderRefundId).HasMaxLength(100);
        builder.Property(c => c.RefundFailureCode).HasMaxLength(50);
        builder.HasIndex(c => c.IssuedAt, "ix_credit_notes_awaiting_card_refund").HasFilter("card_refund > 0 AND refund_settled_at IS NULL");
    }
}
