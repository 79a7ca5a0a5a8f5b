using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.Transfers;

public sealed class KnownPartnerConfiguration : IEntityTypeConfiguration<KnownPartner>
{
    public void Configure(EntityTypeBuilder<KnownPartner> builder)
    {
        builder.ToTable("known_partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
    }
}
