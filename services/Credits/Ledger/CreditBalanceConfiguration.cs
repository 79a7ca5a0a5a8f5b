using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Credits.Ledger;

public sealed class CreditBalanceConfiguration : IEntityTypeConfiguration<CreditBalance>
{
    public void Configure(EntityTypeBuilder<CreditBalance> builder)
    {
        builder.ToTable("credit_balances", t => t.HasCheckConstraint("ck_credit_balances_not_negative", "balance >= 0"));
        builder.HasKey(b => new { b.PartnerId, b.HolderId, b.Kind });
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
