using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows;

/// <summary>
/// The outbox gauges (what deploy/prometheus/reseller-alerts.yml pages on) fall back to zero once every message is published.
/// They count a whole service's outbox, which the classes running beside any other would keep filling: this one runs alone.
/// </summary>
[RunsAlone]
public sealed class OutboxGaugeTests(ResellerSystem system) : IDisposable
{
    private static readonly TimeSpan GaugeTimeout = TimeSpan.FromSeconds(60);
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Every_outbox_drains_to_zero_pending_and_zero_age()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        await client.CreateSettledAccountAsync(partner, card);

        foreach (var service in new[] { ResellerResources.Accounts.Name, ResellerResources.Billing.Name, ResellerResources.Partners.Name, ResellerResources.Credits.Name })
        {
            await Eventually.ReadAsync(
                () => MetricsScrape.OfAsync(system, service),
                m => m.Has("reseller_outbox_pending") && m.Sum("reseller_outbox_pending") == 0 && m.Sum("reseller_outbox_oldest_age_seconds") == 0,
                GaugeTimeout, $"{service}'s outbox gauges to reach zero", scrape => scrape.Names);
        }
    }

    public void Dispose() => client.Dispose();
}
