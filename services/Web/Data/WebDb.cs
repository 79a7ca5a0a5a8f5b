using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Reseller.Web.Data;

/// <summary>The dashboard keeps no business data: only the Data Protection keys its replicas share (session cookies, antiforgery).</summary>
public sealed class WebDb(DbContextOptions<WebDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
