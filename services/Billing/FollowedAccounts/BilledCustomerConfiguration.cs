using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.FollowedAccounts;

public sealed class BilledCustomerConfiguration : IEntityTypeConfiguration<BilledCustomer>
{
    public void Configure(EntityTypeBuilder<BilledCustomer> builder)
    {
        builder.ToTable("billed_customers");
        builder.HasKey(c => c.AccountId);
        builder.Property(c => c.AccountId).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.Property(c => c.Country).HasMaxLength(2);
        builder.Property(c => c.VatId).HasMaxLength(20);
        builder.Property(c => c.Language).HasMaxLength(5);
    }
}
