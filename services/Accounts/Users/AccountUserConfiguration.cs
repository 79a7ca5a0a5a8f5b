using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Users;

public sealed class AccountUserConfiguration : IEntityTypeConfiguration<AccountUser>
{
    public void Configure(EntityTypeBuilder<AccountUser> builder)
    {
        builder.ToTable("account_users");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => new { u.AccountId, u.Username }).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(u => u.AccountId);
        builder.Property(u => u.Username).HasMaxLength(254);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.Role).HasMaxLength(20);
        builder.OwnsOne(u => u.Lockout);
        builder.Property(u => u.Version).IsRowVersion();
    }
}
