using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.Billing;

public sealed class KnownBillingProfileConfiguration : IEntityTypeConfiguration<KnownBillingProfile>
{
    public void Configure(EntityTypeBuilder<KnownBillingProfile> builder)
    {
        builder.ToTable("known_billing_profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}
