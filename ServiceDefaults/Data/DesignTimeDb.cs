using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Data;

/// <summary>Builds a DbContext for `dotnet ef migrations add` without starting the service.</summary>
public static class DesignTimeDb
{
    public static TDb Create<TDb>(Func<DbContextOptions<TDb>, TDb> factory) where TDb : DbContext
    {
        var options = new DbContextOptionsBuilder<TDb>();
        DatabaseExtensions.Configure(options, $"Host=localhost;Database={typeof(TDb).Name.ToLowerInvariant()}");
        return factory(options.Options);
    }
}
