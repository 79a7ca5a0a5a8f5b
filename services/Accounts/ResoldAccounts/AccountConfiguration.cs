using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.ResoldAccounts;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => a.CustomDomain).IsUnique();
        builder.HasIndex(a => new { a.PartnerId, a.Id });
        builder.Property(a => a.Name).HasMaxLength(63);
        builder.Property(a => a.CustomDomain).HasMaxLength(253);
        builder.Property(a => a.NotificationEmail).HasMaxLength(254);
        builder.Property(a => a.Language).HasMaxLength(5);
        builder.Property(a => a.TimeZone).HasMaxLength(64);
        builder.Property(a => a.Payer).HasMaxLength(10);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(a => a.Customer, c =>
        {
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Email).HasMaxLength(254);
        });
        builder.OwnsOne(a => a.Plan, p =>
        {
            p.ToJson();
            p.OwnsMany(x => x.AddOns);
        });
        builder.Property(a => a.Version).IsRowVersion();
    }
}
