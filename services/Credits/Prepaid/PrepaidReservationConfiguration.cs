using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Credits.Prepaid;

public sealed class PrepaidReservationConfiguration : IEntityTypeConfiguration<PrepaidReservation>
{
    public void Configure(EntityTypeBuilder<PrepaidReservation> builder)
    {
        builder.ToTable("prepaid_reservations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.ExpiresAt, "ix_prepaid_reservations_held").HasFilter("status = 'Held'");
        builder.Ignore(r => r.Amount);
    }
}
