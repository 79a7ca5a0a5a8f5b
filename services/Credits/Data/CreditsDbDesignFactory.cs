using Microsoft.EntityFrameworkCore.Design;

using Reseller.ServiceDefaults.Data;

namespace Reseller.Credits.Data;

public sealed class CreditsDbDesignFactory : IDesignTimeDbContextFactory<CreditsDb>
{
    public CreditsDb CreateDbContext(string[] args) => DesignTimeDb.Create<CreditsDb>(o => new CreditsDb(o));
}
