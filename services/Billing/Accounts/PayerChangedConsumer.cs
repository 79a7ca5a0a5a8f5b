using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Accounts;

/// <summary>
/// Who pays changes from the next invoice (a customer pays list price with its own card), and the partner is told by
/// e-mail of every switch. The mail is sent inside the inbox transaction: a failure retries the whole message.
/// </summary>
public sealed class PayerChangedConsumer(BillingDb db, IMailSender mail) : IConsumer<PayerChanged>
{
    public async Task Consume(ConsumeContext<PayerChanged> context) =>
        await db.ConsumeOnceAsync(context, nameof(PayerChangedConsumer), async ct =>
        {
            var change = context.Message;
            var account = await db.BilledAccounts.FindAsync([change.AccountId], ct)
                ?? throw new InvalidOperationException($"Account {change.AccountId} is not known to Billing yet.");
            if (!Payers.All.Contains(change.Payer))
            {
                throw new InvalidOperationException($"Unknown payer {change.Payer}.");
            }
            account.PaidBy(change.Payer, change.BillingProfileId);
            var to = string.IsNullOrWhiteSpace(change.NotificationEmail) ? account.NotificationEmail : change.NotificationEmail;
            if (!string.IsNullOrWhiteSpace(to))
            {
                await mail.SendAsync(Notices.BillingMails.PayerChanged(to, account, change.PreviousPayer), ct);
            }
        });
}
