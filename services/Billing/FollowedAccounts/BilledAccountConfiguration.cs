using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.FollowedAccounts;

public sealed class BilledAccountConfiguration : IEntityTypeConfiguration<BilledAccount>
{
    public void Configure(EntityTypeBuilder<BilledAccount> builder)
    {
        builder.ToTable("billed_accounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.HasIndex(a => a.PartnerId);
        builder.HasIndex(a => a.BillingProfileId);
        builder.Property(a => a.Name).HasMaxLength(63);
        builder.Property(a => a.Payer).HasMaxLength(10);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Plan).HasColumnType("jsonb").HasConversion(PlanJson.Converter);
        builder.Property(a => a.ScheduledPlan).HasColumnType("jsonb").HasConversion(PlanJson.Converter!);
        builder.Property(a => a.Cadence).HasMaxLength(10);
        builder.Property(a => a.NotificationEmail).HasMaxLength(320);
        builder.Property(a => a.Version).IsRowVersion();
    }
}
