using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.FollowedAccounts;

public sealed class FollowedAccountConfiguration : IEntityTypeConfiguration<FollowedAccount>
{
    public void Configure(EntityTypeBuilder<FollowedAccount> builder)
    {
        builder.ToTable("followed_accounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.HasIndex(a => a.PartnerId);
        builder.Property(a => a.Cadence).HasMaxLength(20);
        builder.Property(a => a.Payer).HasMaxLength(10);
        builder.Property(a => a.Status).HasMaxLength(20);
    }
}
