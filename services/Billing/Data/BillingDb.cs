using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Profiles;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDb).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
