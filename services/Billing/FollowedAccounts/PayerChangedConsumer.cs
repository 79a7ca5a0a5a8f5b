using MassTransit;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// Who pays changes from the next invoice (a customer pays list price with its own card), and the partner is told by
/// e-mail of every switch. The mail is sent inside the inbox transaction: a failure retries the whole message. A named
/// card that does not belong to the new payer is refused (never charged): the payer still follows Accounts, and a
/// customer without a card of its own is not charged until it has one. A payer change older than the one applied is stale.
/// Taken back by its partner (not handed over by the client itself), what the client still owed for the account becomes the
/// partner's, charged at once (<see cref="TakenBackInvoices"/>).
/// </summary>
public sealed class PayerChangedConsumer(BillingDb db, TakenBackInvoices takenBack, ChargeProcessor charges, CardRefunds cardRefunds, IMailSender mail,
    ILogger<PayerChangedConsumer> logger)
    : IConsumer<PayerChanged>
{
    public async Task Consume(ConsumeContext<PayerChanged> context)
    {
        TakenBackInvoices.Reissued? reissued = null;
        await db.ConsumeOnceAsync(context, nameof(PayerChangedConsumer), async ct =>
        {
            var change = context.Message;
            var account = await db.BilledAccounts.FindAsync([change.AccountId], ct)
                ?? throw new AccountNotKnownYetException(change.AccountId);
            if (!Payers.All.Contains(change.Payer))
            {
                throw new InvalidOperationException($"Unknown payer {change.Payer}.");
            }
            if (account.IsBeforePayerChange(change.ChangedAt))
            {
                logger.LogWarning("Account {AccountId}: payer change of {ChangedAt} is older than the one applied; ignored", account.AccountId, change.ChangedAt);
                return;
            }
            var card = change.BillingProfileId;
            if (card is { } named && !await PayerCards.BelongToPayerAsync(db, account, change.Payer, named, ct))
            {
                logger.LogWarning("Account {AccountId}: billing profile {BillingProfileId} does not belong to its new {Payer} payer; refused",
                    account.AccountId, named, change.Payer);
                card = null;
            }
            account.PaidBy(change.Payer, card, change.ChangedAt);
            await BilledCustomers.RecordAsync(db, change, ct);
            var to = string.IsNullOrWhiteSpace(change.NotificationEmail) ? account.NotificationEmail : change.NotificationEmail;
            if (!string.IsNullOrWhiteSpace(to))
            {
                await mail.SendAsync(Notices.BillingMails.PayerChanged(to, account, change.PreviousPayer), ct);
            }
            // Last: its invoice numbers' row lock queues every invoice being issued until this transaction commits.
            if (change.Payer == Payers.Partner && change.ChangedBy == Payers.Partner)
            {
                reissued = await takenBack.ReissueAllAsync(account, ct);
            }
        });
        foreach (var note in reissued?.ClientRefunds ?? [])
        {
            await cardRefunds.RefundAfterCommitAsync(note.Id, context.CancellationToken);
        }
        foreach (var paymentId in reissued?.Payments ?? [])
        {
            await charges.ProcessAsync(paymentId, context.CancellationToken);
        }
    }
}
