using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.BilledPartners;

public sealed class BilledPartnerConfiguration : IEntityTypeConfiguration<BilledPartner>
{
    public void Configure(EntityTypeBuilder<BilledPartner> builder)
    {
        builder.ToTable("billed_partners");
        builder.HasKey(p => p.PartnerId);
        builder.Property(p => p.PartnerId).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.LegalName).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.Property(p => p.VatId).HasMaxLength(20);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Language).HasMaxLength(5);
    }
}
