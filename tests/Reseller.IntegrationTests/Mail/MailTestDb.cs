using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Mail.Outbox;

namespace Reseller.IntegrationTests.Mail;

/// <summary>A service database with the platform tables, a mail outbox and its Data Protection keys.</summary>
public sealed class MailTestDb(DbContextOptions<MailTestDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddPlatformTables();
        modelBuilder.AddMailOutbox();
    }
}
