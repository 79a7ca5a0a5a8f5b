using System.Security.Claims;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Snapshots;
using Reseller.Accounts.Users;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Accounts;

/// <summary>The trial period comes from the catalog data file's <c>trial_days</c>, not from code.</summary>
public sealed class TrialLengthTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    [Fact]
    public async Task A_trial_opened_by_accounts_runs_for_the_catalogs_trial_days()
    {
        var catalog = CatalogFile.LoadFromBaseDirectory() with { TrialDays = 30 };
        await using var services = await CreateServicesAsync(await infrastructure.CreateDatabaseAsync<AccountsDb>("accounts_trial"), catalog);
        await using var scope = services.CreateAsyncScope();
        var plan = new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = PlanCadences.Trial };
        var details = new NewAccount(Guid.NewGuid(), "trial-" + Guid.NewGuid().ToString("N")[..12], null, new Customer { Name = "C", Email = "c@client.test" },
            "n@agency.test", "en", "UTC", plan, null, Payers.Partner);

        var opened = await scope.ServiceProvider.GetRequiredService<AccountOpening>().OpenAsync(details, null, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);

        Assert.Equal("trial", opened.Status);
        Assert.Equal(opened.CreatedAt.AddDays(30), opened.CurrentPeriodEnd);
    }

    private static async Task<ServiceProvider> CreateServicesAsync(string connectionString, ProductCatalog catalog)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(catalog);
        services.AddDbContext<AccountsDb>(o => DatabaseExtensions.Configure(o, connectionString));
        services.AddSingleton<IPasswordHasher<AccountUser>, PasswordHasher<AccountUser>>();
        services.AddScoped<NewAccountSetup>();
        services.AddOptions<AccountUrlOptions>();
        services.AddScoped<AccountOpening>();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.MigrateAsync();
        return provider;
    }
}
