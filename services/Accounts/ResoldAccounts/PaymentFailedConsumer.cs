using MassTransit;

using Reseller.Accounts.Data;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>
/// A charge was declined: the account shows payment_failed, and expires after the last dunning retry; unless the period
/// was paid meanwhile and that payment's event arrived first. An upgrade's proration leaves the account active while it is
/// retried, and expires it after the last retry like any unpaid charge.
/// </summary>
public sealed class PaymentFailedConsumer(AccountsDb db, ILogger<PaymentFailedConsumer> logger) : IConsumer<PaymentFailed>
{
    public async Task Consume(ConsumeContext<PaymentFailed> context)
    {
        var failed = context.Message;
        if (failed.AccountId is not { } accountId || failed.Purpose is not (InvoicePurposes.FirstPeriod or InvoicePurposes.Renewal or InvoicePurposes.PlanChange or InvoicePurposes.Proration))
        {
            return;
        }
        await db.ConsumeOnceAsync(context, nameof(PaymentFailedConsumer), async ct =>
        {
            var account = await db.Accounts.FindAsync([accountId], ct);
            var changed = account?.ChargeFailed(failed.Purpose, failed.Final, failed.PeriodEnd);
            if (changed == true)
            {
                logger.LogInformation("Account {AccountId} payment failed ({FailureCode})", accountId, failed.FailureCode);
            }
        });
    }
}
