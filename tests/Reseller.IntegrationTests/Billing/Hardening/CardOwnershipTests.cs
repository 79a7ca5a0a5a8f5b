using System.Security.Claims;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Accounts;
using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.Billing.Profiles;
using Reseller.Billing.Referrals;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// Whose card an account is charged to: a referral signup's card becomes its account's own, and the account events that
/// name a card (PayerChanged, AccountBillingProfileChanged) are refused when the card does not belong to the payer.
/// </summary>
[Collection(SharedInfrastructure.Name)]
public sealed class CardOwnershipTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private Task<BilledAccount> AccountAsync(Guid accountId) => billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId));

    private Task<BillingProfile> ProfileAsync(Guid id) => billing.QueryAsync(db => db.BillingProfiles.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task A_referral_card_becomes_the_own_card_of_the_account_it_pays_for_listed_to_its_customer_not_to_the_partner()
    {
        var cardId = await ReferralCardAsync();
        var orphan = await ProfileAsync(cardId);
        Assert.True(orphan.AwaitingOwner);
        Assert.Null(orphan.AccountId);

        var accountId = Guid.NewGuid();
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "customer", cardId, "pending", Now, "jane@customer.test"));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == BilledAccountStatus.Active));

        var adopted = await ProfileAsync(cardId);
        Assert.Equal(partnerId, adopted.PartnerId);
        Assert.Equal(accountId, adopted.AccountId);
        Assert.False(adopted.AwaitingOwner);
        var publicId = PublicId.Format(BillingProfileResponse.IdPrefix, cardId);
        Assert.Contains(await ListAsync(CustomerOf(accountId)), p => p.Id == publicId);
        Assert.DoesNotContain(await ListAsync(Partner()), p => p.Id == publicId);
        Assert.True(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.BillingProfileId == cardId && p.Status == PaymentStatus.Succeeded)));

        // Adopted once: another account naming the same card neither takes it over nor is charged on it.
        var otherAccount = Guid.NewGuid();
        var created = await billing.PublishAsync(new AccountCreated(otherAccount, Guid.NewGuid(), "acct-" + otherAccount.ToString("N")[..8], Plus, "customer", cardId, "pending", Now, "x@y.test"));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(created) == 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(accountId, (await ProfileAsync(cardId)).AccountId);
        Assert.Null((await AccountAsync(otherAccount)).BillingProfileId);
        Assert.False(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.BillingProfileId == cardId && p.PartnerId != partnerId)));
    }

    [Fact]
    public async Task A_customer_paid_account_never_adopts_a_card_that_already_has_an_owner()
    {
        var partnerCard = await billing.AddCardAsync(partnerId);
        var accountId = Guid.NewGuid();
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "customer", partnerCard, "pending", Now, "jane@customer.test"));
        Assert.True(await billing.EventuallyAsync(db => db.BilledAccounts.AnyAsync(a => a.AccountId == accountId)));

        var profile = await ProfileAsync(partnerCard);
        Assert.Equal(partnerId, profile.PartnerId);
        Assert.Null(profile.AccountId);
    }

    [Fact]
    public async Task On_a_customer_paid_account_a_new_own_card_is_charged_and_the_remembered_partner_card_is_kept()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        var firstOwnCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "partner", "customer", firstOwnCard, "billing@agency.test", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == "customer"));

        var secondOwnCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.PublishAsync(new AccountBillingProfileChanged(accountId, partnerId, secondOwnCard, Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == secondOwnCard));
        Assert.Equal(partnerCard, (await AccountAsync(accountId)).PartnerBillingProfileId);

        // Another account's card, or another partner's, named for this customer-paid account is refused.
        var otherAccountsCard = await billing.AddCardAsync(partnerId, accountId: Guid.NewGuid());
        var strangersCard = await billing.AddCardAsync(Guid.NewGuid());
        await ConsumedAsync(new AccountBillingProfileChanged(accountId, partnerId, otherAccountsCard, Now));
        await ConsumedAsync(new AccountBillingProfileChanged(accountId, partnerId, strangersCard, Now));
        var account = await AccountAsync(accountId);
        Assert.Equal(secondOwnCard, account.BillingProfileId);
        Assert.Equal(partnerCard, account.PartnerBillingProfileId);

        // Back to the partner: its remembered card pays again.
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "customer", "partner", null, "billing@agency.test", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == partnerCard));
    }

    [Fact]
    public async Task On_a_partner_paid_account_only_one_of_the_partners_own_cards_is_taken()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        var anotherAccountsCard = await billing.AddCardAsync(partnerId, accountId: Guid.NewGuid());
        var strangersCard = await billing.AddCardAsync(Guid.NewGuid());
        await ConsumedAsync(new AccountBillingProfileChanged(accountId, partnerId, anotherAccountsCard, Now));
        await ConsumedAsync(new AccountBillingProfileChanged(accountId, partnerId, strangersCard, Now));
        await ConsumedAsync(new AccountBillingProfileChanged(accountId, partnerId, Guid.NewGuid(), Now));
        Assert.Equal(partnerCard, (await AccountAsync(accountId)).BillingProfileId);

        var newPartnerCard = await billing.AddCardAsync(partnerId);
        await billing.PublishAsync(new AccountBillingProfileChanged(accountId, partnerId, newPartnerCard, Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == newPartnerCard));
    }

    [Fact]
    public async Task A_payer_change_naming_a_card_of_someone_else_is_refused_and_that_card_is_never_charged()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        // The customer is named the partner's own card: the customer pays from now on, but not with that card.
        await ConsumedAsync(new PayerChanged(accountId, partnerId, "partner", "customer", partnerCard, "billing@agency.test", Now));
        var account = await AccountAsync(accountId);
        Assert.Equal("customer", account.Payer);
        Assert.Null(account.BillingProfileId);
        Assert.Equal(partnerCard, account.PartnerBillingProfileId);

        var periodEnd = account.CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var renewal = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal));
        Assert.Equal("customer", renewal.Payer);
        Assert.Equal(0, renewal.CardCharged);
        Assert.False(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.InvoiceId == renewal.Id)));

        // Back to the partner naming a customer's card: refused, the partner's remembered card pays.
        var customerCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await ConsumedAsync(new PayerChanged(accountId, partnerId, "customer", "partner", customerCard, "billing@agency.test", Now));
        account = await AccountAsync(accountId);
        Assert.Equal("partner", account.Payer);
        Assert.Equal(partnerCard, account.BillingProfileId);
    }

    [Fact]
    public async Task A_card_change_that_overtook_its_payer_change_waits_for_it_and_an_older_one_changes_nothing()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        var firstOwnCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        var secondOwnCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        var switchedAt = Now;

        // The customer's second card (chosen after it took over paying) arrives before the switch itself.
        await billing.PublishAsync(new AccountBillingProfileChanged(accountId, partnerId, secondOwnCard, switchedAt.AddSeconds(5)));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "partner", "customer", firstOwnCard, "billing@agency.test", switchedAt));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == secondOwnCard));
        var account = await AccountAsync(accountId);
        Assert.Equal("customer", account.Payer);
        Assert.Equal(partnerCard, account.PartnerBillingProfileId);

        // The partner took paying back; a customer card change from before that arrives late and changes nothing.
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "customer", "partner", null, "billing@agency.test", switchedAt.AddSeconds(20)));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == partnerCard));
        await ConsumedAsync(new AccountBillingProfileChanged(accountId, partnerId, firstOwnCard, switchedAt.AddSeconds(10)));
        await ConsumedAsync(new PayerChanged(accountId, partnerId, "partner", "customer", firstOwnCard, "billing@agency.test", switchedAt.AddSeconds(15)));
        account = await AccountAsync(accountId);
        Assert.Equal("partner", account.Payer);
        Assert.Equal(partnerCard, account.BillingProfileId);
    }

    private async Task<(Guid AccountId, Guid CardId)> ActiveAccountAsync()
    {
        var accountId = Guid.NewGuid();
        var cardId = await billing.AddCardAsync(partnerId);
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", cardId,
            "pending", Now.AddMonths(-1).AddDays(1), "billing@agency.test"));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == BilledAccountStatus.Active));
        return (accountId, cardId);
    }

    /// <summary>Publishes an event and waits until Billing has taken it (its inbox row), whatever it decided.</summary>
    private async Task ConsumedAsync<T>(T message) where T : class
    {
        var messageId = await billing.PublishAsync(message);
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(messageId) == 1, TimeSpan.FromSeconds(30)));
    }

    private Task<Guid> ReferralCardAsync() => billing.WithServicesAsync(async services =>
    {
        var request = new CreateBillingProfileRequest(new CardRequest("4242424242424242", 12, DateTime.UtcNow.Year + 3, "123"), "Jane Customer");
        var created = await ReferralCardsApi.CreateAsync(request, services.GetRequiredService<IPaymentProvider>(), services.GetRequiredService<BillingDb>(),
            TimeProvider.System, CancellationToken.None);
        Assert.True(PublicId.TryParse(BillingProfileResponse.IdPrefix, created.Value!.Id, out var id));
        return id.Value;
    });

    private Task<IReadOnlyList<BillingProfileResponse>> ListAsync(ClaimsPrincipal user) => billing.WithServicesAsync(async services =>
        (await BillingProfilesApi.ListAsync(user, services.GetRequiredService<BillingDb>(), CancellationToken.None)).Value!.Data);

    private ClaimsPrincipal Partner() => new(new ClaimsIdentity(
        [new Claim(PlatformClaims.PartnerId, partnerId.ToString()), new Claim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind)], "test"));

    private ClaimsPrincipal CustomerOf(Guid accountId) => new(new ClaimsIdentity(
    [
        new Claim(PlatformClaims.PartnerId, partnerId.ToString()),
        new Claim(PlatformClaims.Kind, PlatformClaims.AccountUserKind),
        new Claim(PlatformClaims.AccountId, accountId.ToString()),
    ], "test"));
}
