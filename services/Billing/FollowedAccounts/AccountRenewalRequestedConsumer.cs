using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// "Renew" on an unpaid account: its open period invoice is charged at once, to the new profile when one is given. A named
/// card that is not the payer's is refused: nothing is charged, the account keeps its card. A named card older than the
/// latest card chosen (a card change consumed first) does not replace it: the invoice is charged to the latest choice.
/// </summary>
public sealed class AccountRenewalRequestedConsumer(BillingDb db, ChargeProcessor charges, TimeProvider clock, ILogger<AccountRenewalRequestedConsumer> logger) : IConsumer<AccountRenewalRequested>
{
    public async Task Consume(ConsumeContext<AccountRenewalRequested> context)
    {
        Guid? paymentId = null;
        await db.ConsumeOnceAsync(context, nameof(AccountRenewalRequestedConsumer), async ct =>
        {
            var account = await db.BilledAccounts.FindAsync([context.Message.AccountId], ct)
                ?? throw new AccountNotKnownYetException(context.Message.AccountId);
            if (context.Message.BillingProfileId is { } profileId)
            {
                if (!await PayerCards.BelongToPayerAsync(db, account, account.Payer, profileId, ct))
                {
                    // Never charge a card that is not the payer's, and never another card than the one asked for.
                    logger.LogWarning("Account {AccountId}: billing profile {BillingProfileId} does not belong to its {Payer} payer; renewal refused",
                        account.AccountId, profileId, account.Payer);
                    return;
                }
                if (!account.ChooseCard(profileId, context.Message.RequestedAt))
                {
                    logger.LogWarning("Account {AccountId}: renewal request of {RequestedAt} names a card older than the one chosen at {ChosenAt}; charging that one",
                        account.AccountId, context.Message.RequestedAt, account.CardChosenAt);
                }
            }
            // The invoice's payer's card, as a dunning retry takes it: a partner's renewal stays on the partner's card after its
            // client took over paying (the account's card is then the client's, which may not pay the partner's invoice).
            if (account.IsClosed || await OpenInvoices.ForPeriodAsync(db, account.AccountId, ct) is not { } invoice
                || await PayerCards.ForInvoiceAsync(db, account, invoice.Payer, ct) is not { } chargeTo)
            {
                return;
            }
            // A charge already under way for the invoice is finished instead of starting a second one.
            paymentId = await db.Payments.Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Pending).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (paymentId is null)
            {
                invoice.StartRequestedRetry();
                var payment = Payment.Start(invoice.Id, invoice.PartnerId, chargeTo, invoice.AmountDue, invoice.Currency, clock.GetUtcNow());
                db.Payments.Add(payment);
                paymentId = payment.Id;
            }
        });
        if (paymentId is { } id)
        {
            await charges.ProcessAsync(id, context.CancellationToken);
        }
    }
}
