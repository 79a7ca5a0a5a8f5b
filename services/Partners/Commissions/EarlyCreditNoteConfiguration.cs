using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Commissions;

public sealed class EarlyCreditNoteConfiguration : IEntityTypeConfiguration<EarlyCreditNote>
{
    public void Configure(EntityTypeBuilder<EarlyCreditNote> builder)
    {
        builder.ToTable("early_credit_notes");
        builder.HasKey(n => n.CreditNoteId);
        builder.HasIndex(n => n.InvoiceId);
    }
}
