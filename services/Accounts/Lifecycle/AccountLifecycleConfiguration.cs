using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Lifecycle;

/// <summary>The lifecycle's columns of the accounts table (applied alongside AccountConfiguration).</summary>
public sealed class AccountLifecycleConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.OwnsOne(a => a.ScheduledPlan, p =>
        {
            p.ToJson("scheduled_plan");
            p.OwnsMany(x => x.AddOns);
        });
        builder.Property(a => a.OwnerEmail).HasMaxLength(254);
    }
}
