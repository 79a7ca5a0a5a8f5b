using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.Billing;
using Reseller.Billing.Data;
using Reseller.Billing.Renewals;
using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Billing;

/// <summary>Billing's renewal machinery over a real database, as one Billing instance wires it.</summary>
public static class BillingServices
{
    public static async Task<ServiceProvider> CreateAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<BillingDb>(o => DatabaseExtensions.Configure(o, connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddCharging();
        services.AddScoped<RenewalJob>();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BillingDb>().Database.MigrateAsync();
        return provider;
    }
}
