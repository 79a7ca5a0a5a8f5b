using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Accounts;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Accounts.Data;

public sealed class AccountsDb(DbContextOptions<AccountsDb> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AccountsDb).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddTokenIssuerTables();
    }
}
