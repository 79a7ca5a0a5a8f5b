using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Referrals;

public sealed class ReferralSignupConfiguration : IEntityTypeConfiguration<ReferralSignup>
{
    public void Configure(EntityTypeBuilder<ReferralSignup> builder)
    {
        builder.ToTable("referral_signups");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.AccountId).IsUnique().HasFilter("account_id IS NOT NULL");
        builder.HasIndex(s => new { s.PartnerId, s.AccountName });
        builder.Property(s => s.AccountName).HasMaxLength(63);
    }
}
