using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A partner's renewal is declined and in dunning; the partner gives the account a good card, then hands paying over to its
/// client. The renewal is still the partner's: its retry, or Renew pressed by the partner, charges the partner's card, never
/// the client's, and pays it.
/// </summary>
public sealed class DunningAfterPayerSwitchTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_renewal_in_dunning_is_retried_on_the_partners_card_after_its_client_took_over_paying()
    {
        var (accountId, goodPartnerCard) = await PartnersRenewalInDunningThenClientPaysAsync();

        await billing.RunAsync<DunningJob>(DateTimeOffset.UtcNow.AddDays(2));

        await AssertPaidOnAsync(accountId, goodPartnerCard);
    }

    [Fact]
    public async Task Renew_pressed_by_the_partner_after_its_client_took_over_paying_charges_the_partners_card()
    {
        var (accountId, goodPartnerCard) = await PartnersRenewalInDunningThenClientPaysAsync();

        // The partner may not name a card while its client pays: Renew asks Billing to charge the open renewal as it is.
        await billing.PublishAsync(new AccountRenewalRequested(accountId, partnerId, null, DateTimeOffset.UtcNow));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)),
            "Renew never paid the partner's renewal.");

        await AssertPaidOnAsync(accountId, goodPartnerCard);
    }

    /// <summary>
    /// A partner-paid account whose renewal was declined; the partner then gives it a good card and hands paying over to its
    /// client, whose own card is now the account's. Returns the partner's good card.
    /// </summary>
    private async Task<(Guid AccountId, Guid GoodPartnerCard)> PartnersRenewalInDunningThenClientPaysAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1);
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus, start);
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId, "card_declined"), start.AddDays(1));
        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));

        var goodPartnerCard = await billing.AddCardAsync(partnerId);
        await billing.ChooseCardAsync(accountId, partnerId, goodPartnerCard, DateTimeOffset.UtcNow.AddSeconds(-2));
        var customerCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, customerCard, "client@client.test", DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));
        return (accountId, goodPartnerCard);
    }

    private async Task AssertPaidOnAsync(Guid accountId, Guid goodPartnerCard)
    {
        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(InvoiceStatus.Paid, renewal.Status);
        var retry = await billing.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == renewal.Id).OrderByDescending(p => p.CreatedAt).FirstAsync());
        Assert.Equal(goodPartnerCard, retry.BillingProfileId);
        Assert.Equal(PaymentStatus.Succeeded, retry.Status);
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
    }
}
