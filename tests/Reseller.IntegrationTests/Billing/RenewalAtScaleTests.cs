using System.Collections.Concurrent;
using System.Diagnostics;

using MassTransit;

using Reseller.AppHost;
using Reseller.Contracts.Billing;

using Xunit.Abstractions;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// Exactly once at scale, with Billing instances as separate processes on real PostgreSQL and RabbitMQ: however the
/// instances share the run, and whatever happens to one of them or to the broker, each due account is invoiced and
/// charged once, and every InvoicePaid reaches its subscribers.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class RenewalAtScaleTests(ITestOutputHelper output)
{
    private const int Accounts = 10_000;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Three_instances_renew_10000_due_accounts_exactly_once_even_when_one_is_SIGKILLed_and_restarted()
    {
        await using var system = await RenewalSystem.StartAsync("scale", replicas: 3, Accounts);
        var stopwatch = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, 3).Select(replica => system.RunAsync(replica)).ToList();

        Assert.True(await Eventually.HoldsAsync(async () => await system.PaidRenewalsAsync() >= Accounts / 5, RunTimeout), "The run never got going.");
        await system.App.StopProjectAsync(ResellerResources.Billing.Name, 1, kill: true);
        var killedAt = await system.PaidRenewalsAsync();
        try
        {
            await runs[1];
        }
        catch (HttpRequestException)
        {
            // The killed instance never answers its clock call.
        }
        await system.App.StartProjectAsync(ResellerResources.Billing.Name, 1);
        runs[1] = system.RunAsync(1);
        await Task.WhenAll(runs);

        // A payment the killed instance recorded but never finished is finished by the recovery job once it is 30 s old.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(replica => system.RunAsync(replica, later: TimeSpan.FromMinutes(5))));
        stopwatch.Stop();
        var figures = await system.ExactlyOnceFiguresAsync();
        output.WriteLine($"{Accounts} accounts, 3 instances, instance 1 SIGKILLed after {killedAt} paid: {stopwatch.Elapsed.TotalSeconds:F0} s");
        foreach (var (name, value) in figures)
        {
            output.WriteLine($"{name}: {value}");
        }
        Assert.All(figures, f => Assert.True(f.Value == Accounts, $"{f.Key}: {f.Value}, expected {Accounts}"));
    }

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
            await Task.Delay(TimeSpan.FromSeconds(5));
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
