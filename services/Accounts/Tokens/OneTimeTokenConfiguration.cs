using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.Tokens;

public sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> builder)
    {
        builder.ToTable("one_time_tokens");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.AccountId);
        builder.Property(t => t.Purpose).HasMaxLength(20);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.CreatedBy).HasMaxLength(100);
        builder.Property(t => t.Version).IsRowVersion();
    }
}
