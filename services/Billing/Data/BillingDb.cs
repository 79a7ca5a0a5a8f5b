using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Profiles;
using Reseller.ServiceDefaults.Data;

namespace Reseller.Billing.Data;

public sealed class BillingDb(DbContextOptions<BillingDb> options) : DbContext(options)
{
    public DbSet<BillingProfile> BillingProfiles => Set<BillingProfile>();
    public DbSet<BilledAccount> BilledAccounts => Set<BilledAccount>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
    public DbSet<PrepaidBuyer> PrepaidBuyers => Set<PrepaidBuyer>();
    public DbSet<BilledPartners.BilledPartner> BilledPartners => Set<BilledPartners.BilledPartner>();
    public DbSet<BilledCustomer> BilledCustomers => Set<BilledCustomer>();

    private readonly List<Action> countedOnCommit = [];

    /// <summary>
    /// Counts a metric once this unit of work is durable: when its transaction commits (or its save, without one). A rollback,
    /// a failed save or a transaction begun again (a retry) drops it, so a retried unit of work never counts twice.
    /// </summary>
    public void CountOnCommit(Action count) => countedOnCommit.Add(count);

    internal void Committed()
    {
        var counts = countedOnCommit.ToArray();
        countedOnCommit.Clear();
        foreach (var count in counts)
        {
            count();
        }
    }

    internal void Abandoned() => countedOnCommit.Clear();

    /// <summary>Counts not committed by the end of the scope are dropped: the pooled context serves another scope next.</summary>
    public override void Dispose()
    {
        Abandoned();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Abandoned();
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDb).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
