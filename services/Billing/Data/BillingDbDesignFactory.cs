using Microsoft.EntityFrameworkCore.Design;

using Reseller.ServiceDefaults.Data;

namespace Reseller.Billing.Data;

public sealed class BillingDbDesignFactory : IDesignTimeDbContextFactory<BillingDb>
{
    public BillingDb CreateDbContext(string[] args) => DesignTimeDb.Create<BillingDb>(o => new BillingDb(o));
}
