using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Customization;

public sealed class AccountCustomizationConfiguration : IEntityTypeConfiguration<AccountCustomization>
{
    public void Configure(EntityTypeBuilder<AccountCustomization> builder)
    {
        builder.ToTable("account_customizations");
        builder.HasKey(c => c.AccountId);
        builder.HasOne<Account>().WithOne().HasForeignKey<AccountCustomization>(c => c.AccountId);
        builder.Property(c => c.BrandingJson).HasColumnName("branding").HasColumnType("jsonb");
        builder.Property(c => c.TemplatesJson).HasColumnName("templates").HasColumnType("jsonb");
        builder.Ignore(c => c.Branding);
        builder.Ignore(c => c.Templates);
    }
}
