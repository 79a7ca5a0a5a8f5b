using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Commissions;

public sealed class EarningConfiguration : IEntityTypeConfiguration<Earning>
{
    public void Configure(EntityTypeBuilder<Earning> builder)
    {
        builder.ToTable("earnings");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.PartnerId, e.Month });
        builder.HasIndex(e => e.StatementId);
        // One earning per invoice and one reversal per credit note, whatever the deliveries.
        builder.HasIndex(e => e.InvoiceId).IsUnique().HasFilter("kind <> 'reversal'");
        builder.HasIndex(e => e.CreditNoteId).IsUnique().HasFilter("credit_note_id IS NOT NULL");
        builder.Property(e => e.InvoiceNumber).HasMaxLength(40);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
    }
}
