using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>A plan change that overtakes the payer change before it, through RabbitMQ: it is charged to the payer in force at the change.</summary>
public sealed class PayerOrderTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    private static long HalfEven(decimal value) => (long)Math.Round(value, MidpointRounding.ToEven);

    private Task<List<Invoice>> ProrationsAsync(Guid accountId) => billing.InvoicesAsync(accountId, InvoicePurposes.Proration);

    [Fact]
    public async Task A_seat_added_after_the_switch_to_the_customer_but_arriving_before_it_is_charged_to_the_customer_never_to_the_partner()
    {
        var partnerCard = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, partnerCard, Plus);
        var customerCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        var switchedAt = DateTimeOffset.UtcNow;
        var seatAddedAt = switchedAt.AddSeconds(2);

        // The seat, added once the customer pays, overtakes the switch: Billing retries it instead of charging the partner.
        var planChange = await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Seats = 4 }, null, seatAddedAt,
            customerCard, Payers.Customer));
        await Task.Delay(TimeSpan.FromSeconds(1)); // Not a condition wait: proves the overtaking seat is not charged meanwhile.
        Assert.Empty(await ProrationsAsync(accountId));
        Assert.Equal(0, await billing.InboxCountAsync(planChange));
        Assert.Equal(Payers.Partner, (await billing.AccountAsync(accountId)).Payer);

        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, customerCard, "billing@agency.test", switchedAt));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The seat's proration was never paid.");
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(planChange) == 1, Eventually.Propagation));
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(Payers.Customer, account.Payer);
        Assert.Equal(4, account.Plan.Seats);
        var proration = Assert.Single(await ProrationsAsync(accountId));
        Assert.Equal(Payers.Customer, proration.Payer);
        // One extra seat (1500 a month) for the rest of the period, at list price: a customer gets no reseller discount.
        var (start, end) = (account.CurrentPeriodStart!.Value, account.CurrentPeriodEnd!.Value);
        var changedOn = DateOnly.FromDateTime(seatAddedAt.UtcDateTime);
        Assert.Equal(HalfEven(1500m * (end.DayNumber - changedOn.DayNumber) / (end.DayNumber - start.DayNumber)), proration.Total);
        Assert.Equal(0, proration.Discount);
        var cards = await billing.QueryAsync(db => db.Payments.Where(p => p.InvoiceId == proration.Id).Select(p => p.BillingProfileId).ToListAsync());
        Assert.Equal(customerCard, Assert.Single(cards));
        // The partner's card paid the opening period only.
        Assert.Equal(1, await billing.QueryAsync(db => db.Payments.CountAsync(p => p.BillingProfileId == partnerCard)));
    }
}
