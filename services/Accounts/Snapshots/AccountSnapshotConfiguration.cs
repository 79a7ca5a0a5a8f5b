using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.Snapshots;

public sealed class AccountSnapshotConfiguration : IEntityTypeConfiguration<AccountSnapshot>
{
    public void Configure(EntityTypeBuilder<AccountSnapshot> builder)
    {
        builder.ToTable("account_snapshots");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.AccountId, s.Id });
        builder.HasIndex(s => new { s.PartnerId, s.Id });
        builder.Property(s => s.Label).HasMaxLength(200);
        builder.Property(s => s.ContentJson).HasColumnName("content").HasColumnType("jsonb");
        builder.Ignore(s => s.Content);
    }
}
