using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Users;

public sealed class PartnerUserConfiguration : IEntityTypeConfiguration<PartnerUser>
{
    public void Configure(EntityTypeBuilder<PartnerUser> builder)
    {
        builder.ToTable("partner_users");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.HasIndex(u => u.PartnerId);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.Role).HasMaxLength(20);
        builder.Property(u => u.Status).HasMaxLength(20).HasDefaultValue(PartnerUserStatus.Active);
        builder.Ignore(u => u.CanLogIn);
        builder.OwnsOne(u => u.Lockout);
        builder.Property(u => u.Version).IsRowVersion();
    }
}
