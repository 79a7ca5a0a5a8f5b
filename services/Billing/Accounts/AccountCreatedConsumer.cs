using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Accounts;

/// <summary>
/// A new account: Billing starts following it, and a paid one is invoiced and charged for its first period. A customer-paid
/// account naming a card that awaits its owner (a referral signup's) adopts it as the customer's own card; a card that is
/// another account's own is refused (the account has no card until one is chosen).
/// </summary>
public sealed class AccountCreatedConsumer(BillingDb db, PeriodInvoicer invoicer, ChargeProcessor charges, ILogger<AccountCreatedConsumer> logger)
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
            if (account.Status == BilledAccountStatus.Pending)
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
        if (profile is not null && !profile.MayBeNamedBy(created.Payer, created.AccountId))
        {
            logger.LogWarning("Account {AccountId}: billing profile {BillingProfileId} belongs to someone else; refused", created.AccountId, profileId);
            account.DropCard();
            return;
        }
        if (created.Payer == Payers.Customer && profile?.AdoptBy(created.PartnerId, created.AccountId) == true)
        {
            db.Publish(new BillingProfileAdopted(profile.Id, created.PartnerId, created.AccountId, created.CreatedAt), created.CreatedAt);
            logger.LogInformation("Billing profile {BillingProfileId} is now the own card of account {AccountId}", profileId, created.AccountId);
        }
    }
}
