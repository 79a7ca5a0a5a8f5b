using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.Customization;

public sealed class AccountDefaultsConfiguration : IEntityTypeConfiguration<AccountDefaults>
{
    public void Configure(EntityTypeBuilder<AccountDefaults> builder)
    {
        builder.ToTable("account_defaults");
        builder.HasKey(d => d.PartnerId);
        builder.Property(d => d.BrandingJson).HasColumnName("branding").HasColumnType("jsonb");
        builder.Property(d => d.TemplatesJson).HasColumnName("templates").HasColumnType("jsonb");
        builder.Property(d => d.Version).IsRowVersion();
        builder.Ignore(d => d.Branding);
        builder.Ignore(d => d.Templates);
    }
}
