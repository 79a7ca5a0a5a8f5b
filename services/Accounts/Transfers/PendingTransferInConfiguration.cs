using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Accounts.Transfers;

public sealed class PendingTransferInConfiguration : IEntityTypeConfiguration<PendingTransferIn>
{
    public void Configure(EntityTypeBuilder<PendingTransferIn> builder)
    {
        builder.ToTable("pending_transfers_in");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.AccountId);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.OwnerEmail).HasMaxLength(254);
        builder.Property(t => t.Version).IsRowVersion();
    }
}
