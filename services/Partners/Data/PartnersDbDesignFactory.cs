using Microsoft.EntityFrameworkCore.Design;

using Reseller.ServiceDefaults.Data;

namespace Reseller.Partners.Data;

public sealed class PartnersDbDesignFactory : IDesignTimeDbContextFactory<PartnersDb>
{
    public PartnersDb CreateDbContext(string[] args) => DesignTimeDb.Create<PartnersDb>(o => new PartnersDb(o));
}
