using System.Collections.Concurrent;

using MassTransit;

using Reseller.AppHost;
using Reseller.Contracts.Billing;
using Reseller.Testing.AssemblyFixtures;

using Xunit.Abstractions;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// Exactly once across a broker outage, with Billing instances as separate processes on a PostgreSQL and a RabbitMQ of
/// their own: every InvoicePaid of a renewal run reaches its subscriber although the broker stops in the middle.
/// </summary>
[LoadsTheMachine]
public sealed class RenewalBrokerRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task RabbitMQ_restarted_during_a_renewal_run_loses_no_InvoicePaid()
    {
        const int accounts = 2_000;
        await using var system = await RenewalSystem.StartAsync("broker-restart", replicas: 2, accounts);
        var received = new ConcurrentDictionary<Guid, int>();
        var subscriber = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(system.App.GetConnectionString(ResellerResources.Messaging)));
            bus.ReceiveEndpoint("scale-test-invoice-paid", e => e.Handler<InvoicePaid>(context =>
            {
                received.AddOrUpdate(context.Message.InvoiceId, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            }));
        });
        await subscriber.StartAsync();
        try
        {
            var runs = Enumerable.Range(0, 2).Select(replica => system.RunAsync(replica)).ToList();
            Assert.True(await Eventually.HoldsAsync(async () => await system.PaidRenewalsAsync() >= accounts / 5, RunTimeout), "The run never got going.");
            var broker = system.App.RabbitMq!;
            await broker.StopAsync();
            var stoppedAt = await system.PaidRenewalsAsync();
            await Task.Delay(TimeSpan.FromSeconds(5)); // Not a condition wait: the outage lasts a while.
            using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                await broker.StartAgainAsync(timeout.Token);
            }
            await Task.WhenAll(runs);
            output.WriteLine($"RabbitMQ stopped after {stoppedAt} of {accounts} renewals paid, restarted 5 s later");

            Assert.Equal(accounts, await system.PaidRenewalsAsync());
            Assert.True(await Eventually.HoldsAsync(
                async () => await system.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL") == 0, TimeSpan.FromMinutes(3)),
                "Some events were never published after the broker came back.");
            Assert.True(await Eventually.HoldsAsync(() => received.Count == accounts, TimeSpan.FromMinutes(3)), $"{received.Count} of {accounts} InvoicePaid received");
            Assert.Equal(accounts, await system.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Billing.InvoicePaid%'"));
        }
        finally
        {
            await subscriber.StopAsync();
        }
    }
}
