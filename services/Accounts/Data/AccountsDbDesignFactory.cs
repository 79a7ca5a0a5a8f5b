using Microsoft.EntityFrameworkCore.Design;

using Reseller.ServiceDefaults.Data;

namespace Reseller.Accounts.Data;

public sealed class AccountsDbDesignFactory : IDesignTimeDbContextFactory<AccountsDb>
{
    public AccountsDb CreateDbContext(string[] args) => DesignTimeDb.Create<AccountsDb>(o => new AccountsDb(o));
}
