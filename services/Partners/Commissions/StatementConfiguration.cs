using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Partners.Commissions;

public sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ToTable("commission_statements");
        builder.HasKey(s => s.Id);
        // One statement per partner and month, however many instances close the month at once.
        builder.HasIndex(s => new { s.PartnerId, s.Month }).IsUnique();
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.PayoutReference).HasMaxLength(100);
        builder.Property(s => s.ProviderBatchId).HasMaxLength(100);
        builder.Property(s => s.PayoutFailure).HasMaxLength(500);
        builder.Property(s => s.PayoutReceiver).HasMaxLength(320);
        builder.HasIndex(s => s.PayoutBatchId).HasFilter("payout_batch_id IS NOT NULL");
        builder.Property(s => s.Version).IsRowVersion();
    }
}
