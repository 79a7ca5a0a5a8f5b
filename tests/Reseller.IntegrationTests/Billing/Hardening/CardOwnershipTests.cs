using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Profiles;
using Reseller.Billing.Purchases;
using Reseller.Billing.Referrals;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Contracts.Credits;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// Whose card an account is charged to: a referral signup's card becomes its account's own, and the account events that
/// name a card (PayerChanged, AccountBillingProfileChanged) are refused when the card does not belong to the payer.
/// </summary>
public sealed class CardOwnershipTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;
    private int issuedInvoices;

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
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == AccountStatus.Active));

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
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(created) == 1, Eventually.Propagation));
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
    public async Task A_customer_paid_account_created_on_a_partner_card_is_charged_on_its_own_copy_and_remembers_the_partner_card()
    {
        var partnerCard = await billing.AddCardAsync(partnerId);
        var accountId = Guid.NewGuid();
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "customer", partnerCard, "pending", Now, "jane@customer.test"));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == AccountStatus.Active));

        var account = await AccountAsync(accountId);
        Assert.Equal(partnerCard, account.PartnerBillingProfileId);
        var own = await ProfileAsync(account.BillingProfileId!.Value);
        Assert.Equal(accountId, own.AccountId);
        Assert.Equal((await ProfileAsync(partnerCard)).ProviderToken, own.ProviderToken);
        Assert.False(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.BillingProfileId == partnerCard)));
        Assert.True(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.BillingProfileId == own.Id && p.Status == PaymentStatus.Succeeded)));
    }

    [Fact]
    public async Task A_new_account_naming_another_partners_card_gets_no_card_and_that_card_is_never_charged()
    {
        var strangersCard = await billing.AddCardAsync(Guid.NewGuid());
        var accountId = Guid.NewGuid();
        var created = await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", strangersCard, "pending", Now, "billing@agency.test"));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(created) == 1, Eventually.Propagation));

        Assert.Null((await AccountAsync(accountId)).BillingProfileId);
        Assert.False(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.BillingProfileId == strangersCard)));
    }

    [Fact]
    public async Task A_credit_pack_is_charged_to_the_partners_own_card_even_when_a_customers_card_is_newer()
    {
        var partnerCard = await billing.AddCardAsync(partnerId);
        var customersCard = await billing.AddCardAsync(partnerId, "declined", accountId: Guid.NewGuid());

        var invoice = await BuyPackAsync(Partner());

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.True(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.InvoiceId == invoice.Id && p.BillingProfileId == partnerCard)));
        Assert.False(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.BillingProfileId == customersCard)));
    }

    [Fact]
    public async Task A_partner_with_only_customers_cards_cannot_buy_credit()
    {
        await billing.AddCardAsync(partnerId, accountId: Guid.NewGuid());

        var refused = await Assert.ThrowsAsync<ProblemException>(() => BuyPackAsync(Partner()));

        Assert.Equal(422, refused.Status);
        Assert.False(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.PartnerId == partnerId)));
    }

    [Fact]
    public async Task A_charge_on_a_card_that_is_not_the_payers_is_refused_without_calling_the_provider_whatever_its_purpose()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        var customersCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        var strangersCard = await billing.AddCardAsync(Guid.NewGuid());

        // A partner's purchase on its customer's card, a partner-paid period on another partner's card, a customer-paid
        // period on the partner's card: each attempt fails as refused and its invoice stays open.
        Assert.Equal(PaymentStatus.Failed, await ChargeAsync(null, Payers.Partner, InvoicePurposes.CreditPurchase, customersCard));
        Assert.Equal(PaymentStatus.Failed, await ChargeAsync(accountId, Payers.Partner, InvoicePurposes.Renewal, strangersCard));
        Assert.Equal(PaymentStatus.Failed, await ChargeAsync(accountId, Payers.Customer, InvoicePurposes.Renewal, partnerCard));
        Assert.Equal(PaymentStatus.Succeeded, await ChargeAsync(accountId, Payers.Customer, InvoicePurposes.Renewal, customersCard));
        var refused = await billing.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Failed
            && (p.BillingProfileId == customersCard || p.BillingProfileId == strangersCard || p.BillingProfileId == partnerCard)).ToListAsync());
        Assert.Equal(3, refused.Count);
        Assert.All(refused, p => Assert.Equal(ChargeProcessor.NotPayersCard, p.FailureCode));
    }

    [Fact]
    public async Task A_card_its_payer_deleted_is_never_charged_by_an_attempt_that_still_names_it_alone_or_in_a_batch()
    {
        // Attempts made before the partner deleted its card (as a dunning retry, or the remembered partner card of an account
        // whose client took over paying, still name it): each fails as refused, and nothing is taken from the card.
        var (alone, aloneCard) = await ActiveAccountAsync();
        var (batched, batchedCard) = await ActiveAccountAsync();
        var aloneAttempt = await billing.InvoiceRenewalAsync(alone);
        var batchedAttempt = await billing.InvoiceRenewalAsync(batched);
        await billing.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            foreach (var card in await db.BillingProfiles.Where(p => p.Id == aloneCard || p.Id == batchedCard).ToListAsync())
            {
                card.Delete(DateTimeOffset.UtcNow);
            }
            return await db.SaveChangesAsync();
        });

        await billing.ChargeAsync(aloneAttempt);
        await billing.WithServicesAsync(services => services.GetRequiredService<BatchChargeProcessor>().ProcessAsync([batchedAttempt], CancellationToken.None));

        var attempts = await billing.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.Id == aloneAttempt || p.Id == batchedAttempt).ToListAsync());
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, p => Assert.Equal((PaymentStatus.Failed, ChargeProcessor.CardRemoved, (string?)null), (p.Status, p.FailureCode, p.ProviderChargeId)));
        Assert.All(await billing.QueryAsync(db => db.Invoices.AsNoTracking().Where(i => i.AccountId == alone || i.AccountId == batched).Where(i => i.Purpose == InvoicePurposes.Renewal).ToListAsync()),
            invoice => Assert.Equal((InvoiceStatus.Open, 0L), (invoice.Status, invoice.CardCharged)));
    }

    [Fact]
    public async Task A_charge_whose_answer_was_lost_is_asked_for_again_under_its_key_though_its_card_was_deleted_since_and_is_paid_once()
    {
        // The provider took the renewal, its answer was lost, and the card was deleted before the repeat: the repeat asks the
        // provider again under the attempt's key, which answers the charge already made. Refused instead, the charge taken
        // was recorded as failed, and dunning charged the invoice again on the account's next card.
        var (accountId, cardId) = await ActiveAccountAsync();
        var attemptId = await billing.InvoiceRenewalAsync(accountId);
        var firstAnswer = await billing.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            var attempt = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == attemptId);
            await db.Database.ExecuteSqlAsync($"UPDATE payments SET prepaid_amount = 0 WHERE id = {attemptId}");
            var card = await db.BillingProfiles.SingleAsync(p => p.Id == cardId);
            var answer = await services.GetRequiredService<IPaymentProvider>().ChargeAsync(card.ProviderToken, attempt.Amount, attempt.Currency, attemptId.ToString("N"), CancellationToken.None);
            card.Delete(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return answer;
        });
        Assert.True(firstAnswer.Succeeded);

        await billing.ChargeAsync(attemptId);

        var recorded = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == attemptId));
        Assert.Equal((PaymentStatus.Succeeded, firstAnswer.ProviderChargeId), (recorded.Status, recorded.ProviderChargeId));
        var renewal = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == recorded.InvoiceId));
        Assert.Equal((InvoiceStatus.Paid, recorded.Amount), (renewal.Status, renewal.CardCharged));
    }

    [Fact]
    public async Task A_card_a_charge_is_under_way_on_cannot_be_deleted_until_the_charge_has_its_answer()
    {
        var card = await billing.AddCardAsync(partnerId);
        var attemptId = await billing.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            var price = CreditPackInvoices.Price(services.GetRequiredService<ProductCatalog>(), CreditKinds.Sms, 1000)!;
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var invoice = Invoice.Issue(new IssueInvoice(partnerId, null, Payers.Partner, InvoicePurposes.CreditPurchase, today, today),
                (await services.GetRequiredService<InvoiceNumbering>().NextAsync(Now, CancellationToken.None)).Number, price, Now);
            db.Invoices.Add(invoice);
            var payment = Payment.Start(invoice.Id, partnerId, card, invoice.AmountDue, invoice.Currency, Now);
            db.Payments.Add(payment);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return payment.Id;
        });

        var refused = await Assert.ThrowsAsync<ProblemException>(() => DeleteCardAsync(card));
        Assert.Equal((409, "billing-profile-in-use"), (refused.Status, refused.Type.Split('/')[^1]));
        Assert.Null((await ProfileAsync(card)).DeletedAt);

        await billing.ChargeAsync(attemptId);
        Assert.True(await DeleteCardAsync(card));
        Assert.NotNull((await ProfileAsync(card)).DeletedAt);
    }

    [Fact]
    public async Task A_renewal_request_naming_a_card_that_is_not_the_payers_keeps_the_accounts_card()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        var customersCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        var strangersCard = await billing.AddCardAsync(Guid.NewGuid());

        await ConsumedAsync(new AccountRenewalRequested(accountId, partnerId, customersCard, Now));
        await ConsumedAsync(new AccountRenewalRequested(accountId, partnerId, strangersCard, Now));

        Assert.Equal(partnerCard, (await AccountAsync(accountId)).BillingProfileId);
    }

    [Fact]
    public async Task On_a_customer_paid_account_a_new_own_card_is_charged_and_the_remembered_partner_card_is_kept()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync();
        var firstOwnCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "partner", "customer", firstOwnCard, "billing@agency.test", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == "customer"));

        var secondOwnCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.ChooseCardAsync(accountId, partnerId, secondOwnCard, Now);
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
        await billing.ChooseCardAsync(accountId, partnerId, newPartnerCard, Now);
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
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // Not a condition wait: the card change must arrive first, and a put-off message leaves no trace to poll.
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
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == AccountStatus.Active));
        return (accountId, cardId);
    }

    /// <summary>Publishes an event and waits until Billing has taken it (its inbox row), whatever it decided.</summary>
    private async Task ConsumedAsync<T>(T message) where T : class
    {
        var messageId = await billing.PublishAsync(message);
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(messageId) == 1, Eventually.Propagation));
    }

    private Task<Invoice> BuyPackAsync(ClaimsPrincipal user) => billing.WithServicesAsync(async services =>
    {
        var request = new CreditPurchaseRequest(PublicId.Format("cp", Guid.CreateVersion7()), CreditKinds.Sms, 1000, null);
        var answer = await CreditPurchasesApi.InvoiceAsync(request, user, services.GetRequiredService<BillingDb>(), services.GetRequiredService<ProductCatalog>(),
            services.GetRequiredService<InvoiceNumbering>(), services.GetRequiredService<Reseller.Billing.Invoices.Issuing.InvoiceHeadings>(),
            services.GetRequiredService<ChargeProcessor>(), TimeProvider.System, CancellationToken.None);
        var number = Assert.IsType<Created<InvoiceResponse>>(answer.Result).Value!.Number;
        return await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Number == number));
    });

    /// <summary>Issues an invoice of the payer and purpose, starts a payment on the card and lets Billing process it.</summary>
    private Task<PaymentStatus> ChargeAsync(Guid? accountId, string payer, string purpose, Guid card) => billing.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<BillingDb>();
        var now = Now;
        // A period of its own for each invoice: an account has one invoice per period start.
        var today = DateOnly.FromDateTime(now.UtcDateTime).AddYears(Interlocked.Increment(ref issuedInvoices));
        var price = CreditPackInvoices.Price(services.GetRequiredService<ProductCatalog>(), CreditKinds.Sms, 1000)!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invoice = Invoice.Issue(new IssueInvoice(partnerId, accountId, payer, purpose, today, today), (await services.GetRequiredService<InvoiceNumbering>().NextAsync(now, CancellationToken.None)).Number, price, now);
        db.Invoices.Add(invoice);
        var payment = Payment.Start(invoice.Id, partnerId, card, invoice.AmountDue, invoice.Currency, now);
        db.Payments.Add(payment);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await services.GetRequiredService<ChargeProcessor>().ProcessAsync(payment.Id, CancellationToken.None);
        return await billing.QueryAsync(d => d.Payments.Where(p => p.Id == payment.Id).Select(p => p.Status).SingleAsync());
    });

    private Task<bool> DeleteCardAsync(Guid card) => billing.WithServicesAsync(async services =>
        (await BillingProfilesApi.DeleteAsync(PublicId.Format(BillingProfileResponse.IdPrefix, card), Partner(), services.GetRequiredService<BillingDb>(),
            services.GetRequiredService<IPaymentProvider>(), TimeProvider.System, CancellationToken.None)).Result is NoContent);

    private Task<Guid> ReferralCardAsync() => billing.WithServicesAsync(async services =>
    {
        var request = new CreateBillingProfileRequest(new CardRequest("4242424242424242", 12, DateTime.UtcNow.Year + 3, "123"), "Jane Customer");
        var created = await ReferralCardsApi.CreateAsync(request, services.GetRequiredService<IPaymentProvider>(), services.GetRequiredService<BillingDb>(),
            TimeProvider.System, CancellationToken.None);
        Assert.True(PublicId.TryParse(BillingProfileResponse.IdPrefix, created.Value!.Id, out var id));
        return id.Value;
    });

    private Task<IReadOnlyList<BillingProfileResponse>> ListAsync(ClaimsPrincipal user) => billing.WithServicesAsync(async services =>
        (await BillingProfilesApi.ListAsync(null, null, user, services.GetRequiredService<BillingDb>(), CancellationToken.None)).Value!.Data);

    private ClaimsPrincipal Partner() => new(new ClaimsIdentity(
        [new Claim(PlatformClaims.PartnerId, partnerId.ToString()), new Claim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind)], "test"));

    private ClaimsPrincipal CustomerOf(Guid accountId) => new(new ClaimsIdentity(
    [
        new Claim(PlatformClaims.PartnerId, partnerId.ToString()),
        new Claim(PlatformClaims.Kind, PlatformClaims.AccountUserKind),
        new Claim(PlatformClaims.AccountId, accountId.ToString()),
    ], "test"));
}
