using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// A new account: Billing starts following it, and a paid one is invoiced and charged for its first period. A customer-paid
/// account naming a card that awaits its owner (a referral signup's) adopts it as the customer's own card, one naming a
/// partner card gets its own copy of it; a card of another partner or another account is refused (the account has no card
/// until one is chosen).
/// </summary>
public sealed class AccountCreatedConsumer(BillingDb db, PeriodInvoicer invoicer, ChargeProcessor charges, TimeProvider clock, ILogger<AccountCreatedConsumer> logger)
    : IConsumer<AccountCreated>
{
    public async Task Consume(ConsumeContext<AccountCreated> context)
    {
        Guid? paymentId = null;
        await db.ConsumeOnceAsync(context, nameof(AccountCreatedConsumer), async ct =>
        {
            var account = BilledAccount.From(context.Message);
            db.BilledAccounts.Add(account);
            await CheckCardAsync(account, context.Message, ct);
            if (account.Status == AccountStatus.Pending)
            {
                paymentId = await invoicer.InvoiceNextPeriodAsync(account, InvoicePurposes.FirstPeriod, ct);
            }
        });
        if (paymentId is { } id)
        {
            await charges.ProcessAsync(id, context.CancellationToken);
        }
    }

    private async Task CheckCardAsync(BilledAccount account, AccountCreated created, CancellationToken cancellationToken)
    {
        if (created.BillingProfileId is not { } profileId)
        {
            return;
        }
        var profile = await db.BillingProfiles.FindAsync([profileId], cancellationToken);
        if (profile is not null && !profile.MayBeNamedBy(created.Payer, created.PartnerId, created.AccountId))
        {
            logger.LogWarning("Account {AccountId}: billing profile {BillingProfileId} belongs to someone else; refused", created.AccountId, profileId);
            account.DropCard();
            return;
        }
        if (created.Payer != Payers.Customer || profile is null)
        {
            return;
        }
        if (profile.AdoptBy(created.PartnerId, created.AccountId))
        {
            db.Publish(new BillingProfileAdopted(profile.Id, created.PartnerId, created.AccountId, created.CreatedAt), created.CreatedAt);
            logger.LogInformation("Billing profile {BillingProfileId} is now the own card of account {AccountId}", profileId, created.AccountId);
        }
        else if (profile.AccountId is null)
        {
            // The partner entered its client's card as one of its own: the account pays with its own copy, and the partner's
            // profile is remembered for a switch back to partner payment.
            var own = profile.CopyFor(created.AccountId, clock.GetUtcNow());
            db.BillingProfiles.Add(own);
            account.ChargeOwnCard(own.Id, profileId);
            logger.LogInformation("Account {AccountId} pays with its own copy {BillingProfileId} of the partner's card", created.AccountId, own.Id);
        }
    }
}
