using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Notices;

/// <summary>
/// Dunning notices: each failed charge of an account's invoice (and the final one, when the account expires) is e-mailed to
/// the account's notification address, once the failure has committed. The mail is sent inside the inbox transaction, so a
/// redelivery after a successful send does nothing and a failed send is retried.
/// </summary>
public sealed class PaymentFailedNoticeConsumer(BillingDb db, IMailSender mail, ILogger<PaymentFailedNoticeConsumer> logger) : IConsumer<PaymentFailed>
{
    public async Task Consume(ConsumeContext<PaymentFailed> context) =>
        await db.ConsumeOnceAsync(context, nameof(PaymentFailedNoticeConsumer), async ct =>
        {
            if (context.Message.AccountId is not { } accountId
                || await db.BilledAccounts.FindAsync([accountId], ct) is not { } account)
            {
                return;
            }
            if (string.IsNullOrWhiteSpace(account.NotificationEmail))
            {
                logger.LogWarning("No notification address for account {AccountId}; payment failure of invoice {InvoiceId} not mailed", accountId, context.Message.InvoiceId);
                return;
            }
            var actionUrl = await db.Payments.AsNoTracking()
                .Where(p => p.InvoiceId == context.Message.InvoiceId && p.ActionUrl != null)
                .OrderByDescending(p => p.CreatedAt)
                .Select(p => p.ActionUrl)
                .FirstOrDefaultAsync(ct);
            await mail.SendAsync(BillingMails.PaymentFailed(account.NotificationEmail, account, context.Message, actionUrl), ct);
        });
}
