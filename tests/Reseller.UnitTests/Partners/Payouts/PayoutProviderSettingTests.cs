using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

using Reseller.Partners.Payouts;

namespace Reseller.UnitTests.Partners.Payouts;

public sealed class PayoutProviderSettingTests
{
    [Fact]
    public void Production_refuses_the_payout_sandbox_whether_named_or_by_default_as_it_does_the_card_sandbox()
    {
        var byDefault = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPayouts(Settings(), Environment(Environments.Production)));
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPayouts(Settings(("Partners:Payouts:Provider", "Sandbox")), Environment(Environments.Production)));

        Assert.Contains("Partners:Payouts:Provider", byDefault.Message, StringComparison.Ordinal);
        new ServiceCollection().AddPayouts(Settings(("Partners:Payouts:Provider", "paypal")), Environment(Environments.Production));
        var development = new ServiceCollection().AddPayouts(Settings(), Environment(Environments.Development));
        Assert.Contains(development, d => d.ServiceType == typeof(IPayoutProvider) && d.ImplementationType == typeof(SandboxPayoutProvider));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
