using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Organisations;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.PaypalEmail).HasMaxLength(254);
        builder.Property(p => p.LegalName).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(UpdatePartnerRequest.MaxAddressLength);
        builder.Property(p => p.VatId).HasMaxLength(15);
        builder.Property(p => p.InvoiceLanguage).HasMaxLength(2);
        builder.Property(p => p.ReferralCode).HasMaxLength(32);
        builder.HasIndex(p => p.ReferralCode).IsUnique();
        builder.Property(p => p.Status).HasMaxLength(16).HasDefaultValue(PartnerStatus.Active);
        builder.Ignore(p => p.IsSuspended);
        // The operator's list: keyset over ids within a status.
        builder.HasIndex(p => new { p.Status, p.Id });
        builder.Property(p => p.Version).IsRowVersion();
    }
}
