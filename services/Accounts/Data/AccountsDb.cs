using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Accounts.Data;

public sealed class AccountsDb(DbContextOptions<AccountsDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>The keys that encrypt the mail outbox, shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AccountsDb).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddMailOutbox();
        modelBuilder.AddTokenIssuerTables();
    }
}
