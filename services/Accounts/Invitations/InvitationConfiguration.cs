using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Invitations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasKey(i => i.Id);
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.ReplacedTokenHash);
        builder.HasIndex(i => new { i.AccountId, i.Email }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.ExpiresAt });
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.Domain).HasMaxLength(253);
        builder.Property(i => i.Organization).HasMaxLength(200);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.ReplacedTokenHash).HasMaxLength(64);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsRowVersion();
    }
}
