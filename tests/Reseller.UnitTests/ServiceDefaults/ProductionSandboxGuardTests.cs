using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.Billing;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Links;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class ProductionSandboxGuardTests
{
    [Fact]
    public void Production_refuses_to_start_with_the_sandbox_clock_and_names_the_setting()
    {
        var builder = Builder(Environments.Production, ("Clock:Sandbox", "true"));

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddPlatformClock());

        Assert.Contains("Clock:Sandbox", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void Production_refuses_to_start_without_the_public_url_that_mailed_links_start_with()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Builder(Environments.Production).AddDashboardLinks());
        Assert.Contains(DashboardLinks.PublicUrlKey, refused.Message, StringComparison.Ordinal);

        Builder(Environments.Production, (DashboardLinks.PublicUrlKey, "https://partners.example.com")).AddDashboardLinks();
        var development = Builder(Environments.Development).AddDashboardLinks().Services.BuildServiceProvider().GetRequiredService<DashboardLinks>();
        Assert.Equal(DashboardLinks.DefaultPublicUrl, development.PublicUrl);
    }

    [Fact]
    public void Production_runs_on_the_real_clock_by_default_and_elsewhere_the_sandbox_clock_can_be_turned_off()
    {
        var production = Builder(Environments.Production).AddPlatformClock();
        var development = Builder(Environments.Development, ("Clock:Sandbox", "false")).AddPlatformClock();
        var sandbox = Builder(Environments.Development).AddPlatformClock();

        Assert.DoesNotContain(production.Services, s => s.ServiceType == typeof(PlatformClock));
        Assert.DoesNotContain(development.Services, s => s.ServiceType == typeof(PlatformClock));
        Assert.Contains(sandbox.Services, s => s.ServiceType == typeof(PlatformClock));
    }

    [Fact]
    public void Production_billing_refuses_to_start_with_the_sandbox_payment_provider_and_names_the_setting()
    {
        var builder = Builder(Environments.Production,
            ("ConnectionStrings:billingdb", "Host=127.0.0.1;Database=none"), ("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:5672"));

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddBillingService());

        Assert.Contains("Billing:PaymentProvider", refused.Message, StringComparison.Ordinal);
        Assert.Contains("sandbox", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    private static WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }
}
