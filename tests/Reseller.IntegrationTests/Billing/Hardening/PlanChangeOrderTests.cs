using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// Two seat changes delivered through RabbitMQ in the reverse of the order Accounts made them: each is charged once, and the
/// account keeps the plan of the later one, which every renewal charges.
/// </summary>
public sealed class PlanChangeOrderTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    private Task<List<Invoice>> ProrationsAsync(Guid accountId) => billing.InvoicesAsync(accountId, InvoicePurposes.Proration);

    [Fact]
    public async Task The_second_seat_change_arriving_first_waits_for_the_first_and_the_account_ends_on_the_later_plan()
    {
        var card = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus);
        var firstAt = DateTimeOffset.UtcNow;
        var four = Plus with { Seats = 4 };
        var five = Plus with { Seats = 5 };

        var second = await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, four, five, null, firstAt.AddMilliseconds(1), card, Payers.Partner, Revision: 2));
        await Task.Delay(TimeSpan.FromSeconds(1)); // Not a condition wait: proves the overtaking change is not applied meanwhile.
        Assert.Empty(await ProrationsAsync(accountId));
        Assert.Equal(0, await billing.InboxCountAsync(second));
        Assert.Equal(3, (await billing.AccountAsync(accountId)).Plan.Seats);

        var first = await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, four, null, firstAt, card, Payers.Partner, Revision: 1));

        Assert.True(await billing.EventuallyAsync(async db => await db.Invoices.CountAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid) == 2),
            "Both seats' prorations were never paid.");
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(second) == 1 && await billing.InboxCountAsync(first) == 1, Eventually.Propagation));
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(5, account.Plan.Seats);
        Assert.Equal(2, account.PlanRevision);
        var prorations = await ProrationsAsync(accountId);
        Assert.Equal(2, prorations.Count);
        Assert.Single(prorations.Select(p => p.Total).Distinct()); // One seat each, both for the rest of the same period.

        // The first change again, as a new message (a publisher's retry): it was applied, so nothing is charged twice.
        var again = await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, four, null, firstAt, card, Payers.Partner, Revision: 1));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(again) == 1, Eventually.Propagation));
        Assert.Equal(2, (await ProrationsAsync(accountId)).Count);
        Assert.Equal(5, (await billing.AccountAsync(accountId)).Plan.Seats);
    }
}
