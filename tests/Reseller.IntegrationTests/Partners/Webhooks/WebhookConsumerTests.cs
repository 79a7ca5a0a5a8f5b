using System.Text.Json.Nodes;

using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Partners;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.IntegrationTests.Messaging;
using Reseller.Partners.Data;
using Reseller.Partners.Webhooks;
using Reseller.Partners.Webhooks.Events;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.IntegrationTests.Partners.Webhooks;

/// <summary>
/// Every event type's consumer, fed its integration event through RabbitMQ, queues the event and the receiver gets it with
/// the object its mapping builds (the unit tests pin that mapping's shape); customer-paid invoices never reach the partner;
/// a partner without an endpoint costs no inbox row.
/// </summary>
public sealed class WebhookConsumerTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [new AddOnQuantity("sms", 2)], "monthly");
    private static readonly AccountPlan Pro = new("marketing", "pro", 5000, null, [], "monthly");

    [Fact]
    public async Task Each_integration_event_reaches_the_receiver_as_its_webhook_event_and_customer_paid_invoices_never_do()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"), messaging: infrastructure.MessagingConnectionString);
        var consumed = ConsumedMessages.ObserveOn(host.Bus);
        var partner = Guid.CreateVersion7();
        var (account, invoice, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await host.AddEndpointAsync(partner, receiver.Url);
        var now = DateTimeOffset.UtcNow;

        // The customer's own invoices first: once they are handled, none may have queued anything.
        var hidden = new List<Guid>
        {
            await host.PublishAsync(Issued(partner, account, invoice, Payers.Customer, now)),
            await host.PublishAsync(new InvoicePaid(invoice, "R-1", partner, account, InvoicePurposes.Renewal, Payers.Customer, 5292, "EUR",
                DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime).AddMonths(1), now)),
            await host.PublishAsync(new CreditNoteIssued(other, "CN-1", invoice, partner, account, Payers.Customer, 100, "EUR", now)),
        };
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled([.. hidden]), Timeout), "the customer's invoices were not handled");
        Assert.Equal(0, await host.QueryAsync(db => db.WebhookDeliveries.CountAsync()));

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var expected = new List<WebhookEvent>();
        async Task PublishAsync<T>(T message, IEnumerable<WebhookEvent> mapped) where T : class
        {
            expected.AddRange(mapped);
            await host.PublishAsync(message);
        }
        var created = new AccountCreated(account, partner, "Bakery", Plus, Payers.Partner, null, "pending", now, "notices@agency.test");
        await PublishAsync(created, WebhookAccountCreatedConsumer.Map(created));
        var status = new AccountStatusChanged(account, partner, "pending", "active", "monthly", Payers.Partner, now);
        await PublishAsync(status, WebhookAccountStatusChangedConsumer.Map(status));
        var plan = new AccountPlanChanged(account, partner, Plus, Pro, null, now);
        await PublishAsync(plan, WebhookAccountPlanChangedConsumer.Map(plan));
        var payer = new PayerChanged(account, partner, Payers.Customer, Payers.Partner, null, "notices@agency.test", now);
        await PublishAsync(payer, WebhookPayerChangedConsumer.Map(payer));
        var transferred = new AccountTransferredOut(account, partner, "owner@elsewhere.test", now);
        await PublishAsync(transferred, WebhookAccountTransferredOutConsumer.Map(transferred));
        var issued = Issued(partner, account, invoice, Payers.Partner, now);
        await PublishAsync(issued, WebhookInvoiceIssuedConsumer.Map(issued));
        var paid = new InvoicePaid(invoice, "R-1", partner, null, InvoicePurposes.CreditPurchase, Payers.Partner, 5000, "EUR", today, today, now, "cp_1");
        await PublishAsync(paid, WebhookInvoicePaidConsumer.Map(paid));
        // A partner's own invoice (no account) is the partner's: the last failure of a credit pack is three events.
        var failed = new PaymentFailed(other, "R-2", partner, null, InvoicePurposes.CreditPurchase, 5000, "EUR", "card_declined", now, 1, null, true);
        await PublishAsync(failed, WebhookPaymentFailedConsumer.Map(failed, Payers.Partner));
        var note = new CreditNoteIssued(other, "CN-2", invoice, partner, account, Payers.Partner, 100, "EUR", now);
        await PublishAsync(note, WebhookCreditNoteIssuedConsumer.Map(note));
        var earned = new CommissionEarned(other, partner, account, invoice, "commission", 980, "EUR", today, now);
        await PublishAsync(earned, WebhookCommissionEarnedConsumer.Map(earned));
        var statement = new CommissionStatementPaid(other, partner, today, 980, "EUR", "PAYOUT-1", "agency@paypal.test", now);
        await PublishAsync(statement, WebhookStatementPaidConsumer.Map(statement));

        Assert.Equal(WebhookEventTypes.Subscribable.Order(StringComparer.Ordinal), expected.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.True(await Eventually.HoldsAsync(() => receiver.Received.Select(r => r.EventId).Distinct().Count() >= expected.Count, Timeout),
            $"only {receiver.Received.Select(r => r.EventId).Distinct().Count()} of {expected.Count} events arrived");
        var received = receiver.Received.GroupBy(r => r.EventId).Select(g => g.First()).ToList();
        Assert.Equal(expected.Count, received.Count);
        foreach (var e in expected)
        {
            var webhook = Assert.Single(received, r => r.Type == e.Type);
            var body = JsonNode.Parse(WebhookPayloads.Serialize(Guid.Empty, e.Type, e.CreatedAt, e.Resource, e.PreviousAttributes))!;
            Assert.Equal(body["data"]!.ToJsonString(), webhook.Json["data"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_partner_without_an_endpoint_settles_its_events_without_an_inbox_row_and_one_with_an_endpoint_is_queued_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await infrastructure.CreateDatabaseAsync<PartnersDb>("webhooks"), messaging: infrastructure.MessagingConnectionString);
        var consumed = ConsumedMessages.ObserveOn(host.Bus);
        var (silent, listening) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await host.AddEndpointAsync(listening, receiver.Url);
        var now = DateTimeOffset.UtcNow;

        // Each event delivered twice, as a redelivery would.
        var toSilent = await PublishTwiceAsync(host, new AccountStatusChanged(Guid.CreateVersion7(), silent, "pending", "active", "monthly", Payers.Partner, now));
        var toListening = await PublishTwiceAsync(host, new AccountStatusChanged(Guid.CreateVersion7(), listening, "pending", "active", "monthly", Payers.Partner, now));
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled(toSilent, toSilent, toListening, toListening), Timeout), "the events were not handled");

        Assert.Equal(0, await host.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.PartnerId == silent)));
        Assert.Equal(1, await host.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.PartnerId == listening)));
        var inboxRows = await host.QueryAsync(db => db.Database.SqlQuery<Guid>(
            $"SELECT message_id AS \"Value\" FROM inbox_messages WHERE consumer = {nameof(WebhookAccountStatusChangedConsumer)}").ToListAsync());
        Assert.Equal([toListening], inboxRows);
    }

    private static async Task<Guid> PublishTwiceAsync<T>(WebhooksHost host, T message) where T : class
    {
        var id = Guid.CreateVersion7();
        await host.Bus.Publish(message, c => c.MessageId = id);
        await host.Bus.Publish(message, c => c.MessageId = id);
        return id;
    }

    private static InvoiceIssued Issued(Guid partner, Guid account, Guid invoice, string payer, DateTimeOffset now) => new(
        invoice, "R-1", partner, account, payer, InvoicePurposes.FirstPeriod, "open", "EUR", [new InvoiceIssuedLine("plan", "Marketing Plus", 1, 4900, 4900, 0, 4900)],
        4900, 0, 0, 20m, 980, false, 5880, 5880, DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime).AddMonths(1), now,
        DateOnly.FromDateTime(now.UtcDateTime), "en", null);
}
