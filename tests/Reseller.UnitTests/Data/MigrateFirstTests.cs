using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Data;

namespace Reseller.UnitTests.Data;

public sealed class MigrateFirstTests
{
    [Fact]
    public void The_migrations_start_before_the_hosted_services_registered_ahead_of_them()
    {
        var builder = Host.CreateApplicationBuilder();
        // As authentication does in every service: Data Protection's hosted service reads the key ring from the database.
        builder.Services.AddDataProtection();
        builder.AddMigrations<HostApplicationBuilder, AccountsDb>();

        using var host = builder.Build();

        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.True(hosted.Count > 1, "Data Protection registers a hosted service of its own");
        Assert.IsType<MigrateOnStartup<AccountsDb>>(hosted[0]);
    }
}
