using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.Profiles;

public sealed class BillingProfileConfiguration : IEntityTypeConfiguration<BillingProfile>
{
    public void Configure(EntityTypeBuilder<BillingProfile> builder)
    {
        builder.ToTable("billing_profiles");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.PartnerId, p.Id });
        builder.HasIndex(p => p.AccountId).HasFilter("account_id IS NOT NULL");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.ProviderToken).HasMaxLength(200);
        builder.Property(p => p.Brand).HasMaxLength(20);
        builder.Property(p => p.Last4).HasMaxLength(4).IsFixedLength();
    }
}
