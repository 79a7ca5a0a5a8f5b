using Microsoft.EntityFrameworkCore.Design;

using Reseller.ServiceDefaults.Data;

namespace Reseller.Web.Data;

public sealed class WebDbDesignFactory : IDesignTimeDbContextFactory<WebDb>
{
    public WebDb CreateDbContext(string[] args) => DesignTimeDb.Create<WebDb>(o => new WebDb(o));
}
