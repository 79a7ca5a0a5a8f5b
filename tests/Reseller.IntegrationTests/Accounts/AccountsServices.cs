using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.Accounts;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Accounts;

/// <summary>Accounts' database and lifecycle rules as the service wires them, on a migrated test database, without its web host.</summary>
public static class AccountsServices
{
    /// <summary>The services, with whatever <paramref name="add"/> registers beside them (a consumer's bus, say).</summary>
    public static async Task<ServiceProvider> StartAsync(string connectionString, Action<IServiceCollection>? add = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AccountsDb>(o => DatabaseExtensions.Configure(o, connectionString));
        services.AddAccountLifecycle();
        add?.Invoke(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.MigrateAsync();
        return provider;
    }
}
