using MassTransit;

using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Credits;

/// <summary>
/// Credits' queues keep their names from one test's host to the next on a lane, and other tests (Billing's) publish into them
/// meanwhile: a host starts with them empty, or its tests would count strangers' messages as their own.
/// </summary>
public sealed class CreditsHostIsolationTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    [Fact]
    public async Task A_credits_host_consumes_nothing_published_to_its_queues_before_it_started()
    {
        await (await CreditsHost.StartAsync(infrastructure)).DisposeAsync();
        var stranger = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(infrastructure.MessagingConnectionString)));
        await stranger.StartAsync();
        await stranger.Publish(Failed());
        await stranger.StopAsync();

        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var own = Failed();
        await credits.Bus.Publish(own);

        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM unmatched_invoice_failures WHERE invoice_id = @i", ("i", own.InvoiceId)) == 1,
            Eventually.Propagation));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM inbox_messages"));
    }

    private static PaymentFailed Failed() => new(
        Guid.CreateVersion7(), "RSL-TEST", Guid.CreateVersion7(), null, InvoicePurposes.CreditPurchase, 2000, "USD", "card_declined", DateTimeOffset.UtcNow, 1, null, false);
}
