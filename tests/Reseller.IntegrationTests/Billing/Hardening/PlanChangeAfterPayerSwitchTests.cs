using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// The partner upgrades its client's account, then hands paying over to the client; Billing hears of the handover first.
/// The upgrade is still the partner's: its proration is billed to the partner at the partner's price, on the partner's
/// card, never to the client at list price.
/// </summary>
public sealed class PlanChangeAfterPayerSwitchTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly AccountPlan Professional = Plus with { Tier = "professional" };
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task An_upgrade_made_while_the_partner_paid_and_heard_after_its_client_took_over_is_billed_to_the_partner()
    {
        var partnerCard = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, partnerCard, Plus);
        var upgradedAt = DateTimeOffset.UtcNow.AddSeconds(-2);
        var customerCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, customerCard, "client@client.test", upgradedAt.AddSeconds(1)));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));

        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Professional, null, upgradedAt, partnerCard, Payers.Partner, Revision: 1));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The upgrade's proration was never paid.");
        var account = await billing.AccountAsync(accountId);
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        var (start, end, today) = (account.CurrentPeriodStart!.Value, account.CurrentPeriodEnd!.Value, DateOnly.FromDateTime(upgradedAt.UtcDateTime));
        var prorated = HalfEven(10000m * (end.DayNumber - today.DayNumber) / (end.DayNumber - start.DayNumber));
        Assert.Equal((Payers.Partner, prorated - HalfEven(prorated * 0.10m)), (proration.Payer, proration.Total));
        var charged = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == proration.Id));
        Assert.Equal(partnerCard, charged.BillingProfileId);
        Assert.Equal((Payers.Customer, (Guid?)customerCard, "professional"), (account.Payer, account.BillingProfileId, account.Plan.Tier));
    }

    private static long HalfEven(decimal value) => (long)Math.Round(value, MidpointRounding.ToEven);
}
