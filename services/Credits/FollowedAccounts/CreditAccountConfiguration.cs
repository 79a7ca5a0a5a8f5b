using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Credits.FollowedAccounts;

public sealed class CreditAccountConfiguration : IEntityTypeConfiguration<CreditAccount>
{
    public void Configure(EntityTypeBuilder<CreditAccount> builder)
    {
        builder.ToTable("credit_accounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.HasIndex(a => a.PartnerId);
        builder.Property(a => a.Product).HasMaxLength(50);
        builder.Property(a => a.Tier).HasMaxLength(50);
        builder.Property(a => a.Status).HasMaxLength(20);
    }
}
