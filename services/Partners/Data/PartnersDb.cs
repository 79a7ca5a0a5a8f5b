using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Partners;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Data;

public sealed class PartnersDb(DbContextOptions<PartnersDb> options) : DbContext(options)
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerUser> Users => Set<PartnerUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PartnersDb).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
