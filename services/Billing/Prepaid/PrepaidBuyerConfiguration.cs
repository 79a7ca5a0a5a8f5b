using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.Prepaid;

public sealed class PrepaidBuyerConfiguration : IEntityTypeConfiguration<PrepaidBuyer>
{
    public void Configure(EntityTypeBuilder<PrepaidBuyer> builder)
    {
        builder.ToTable("prepaid_buyers");
        builder.HasKey(b => b.PartnerId);
    }
}
