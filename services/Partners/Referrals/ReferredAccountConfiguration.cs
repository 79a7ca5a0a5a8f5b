using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Referrals;

public sealed class ReferredAccountConfiguration : IEntityTypeConfiguration<ReferredAccount>
{
    public void Configure(EntityTypeBuilder<ReferredAccount> builder)
    {
        builder.ToTable("referred_accounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.HasIndex(a => a.PartnerId);
    }
}
