using Microsoft.EntityFrameworkCore;

using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.Credits.Prepaid;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Credits.Data;

public sealed class CreditsDb(DbContextOptions<CreditsDb> options) : DbContext(options)
{
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<CreditBalance> Balances => Set<CreditBalance>();
    public DbSet<CreditAccount> Accounts => Set<CreditAccount>();
    public DbSet<CreditPurchase> Purchases => Set<CreditPurchase>();
    public DbSet<UnmatchedInvoiceFailure> UnmatchedInvoiceFailures => Set<UnmatchedInvoiceFailure>();
    public DbSet<PrepaidReservation> Reservations => Set<PrepaidReservation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CreditsDb).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddTokenIssuerTables();
    }
}
