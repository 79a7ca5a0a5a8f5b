using Microsoft.EntityFrameworkCore;

using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Data;

public sealed class CreditsDb(DbContextOptions<CreditsDb> options) : DbContext(options)
{
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CreditsDb).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
