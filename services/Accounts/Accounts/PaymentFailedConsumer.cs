using MassTransit;

using Reseller.Accounts.Data;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Accounts;

/// <summary>The first charge was declined: the account is not usable and shows payment_failed.</summary>
public sealed class PaymentFailedConsumer(AccountsDb db, ILogger<PaymentFailedConsumer> logger) : IConsumer<PaymentFailed>
{
    public async Task Consume(ConsumeContext<PaymentFailed> context)
    {
        var failed = context.Message;
        if (failed.AccountId is not { } accountId || failed.Purpose != InvoicePurposes.FirstPeriod)
        {
            return;
        }
        await db.ConsumeOnceAsync(context, nameof(PaymentFailedConsumer), async ct =>
        {
            var account = await db.Accounts.FindAsync([accountId], ct);
            if (account?.MarkFirstChargeFailed() == true)
            {
                logger.LogInformation("Account {AccountId} payment failed ({FailureCode})", accountId, failed.FailureCode);
            }
        });
    }
}
