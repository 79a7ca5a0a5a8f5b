using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// An account moved out of its agency: partner billing stops for good and open invoices are voided. A move-out older than
/// a transfer already applied (redelivered after the account moved in again) changes nothing.
/// </summary>
public sealed class AccountTransferredOutConsumer(BillingDb db, ILogger<AccountTransferredOutConsumer> logger) : IConsumer<AccountTransferredOut>
{
    public async Task Consume(ConsumeContext<AccountTransferredOut> context) =>
        await db.ConsumeOnceAsync(context, nameof(AccountTransferredOutConsumer), async ct =>
        {
            var moved = context.Message;
            var account = await db.BilledAccounts.FindAsync([moved.AccountId], ct)
                ?? throw new AccountNotKnownYetException(moved.AccountId);
            if (!account.TransferredOut(moved.TransferredAt))
            {
                logger.LogWarning("Account {AccountId}: move-out of {TransferredAt} is older than its latest transfer; ignored", moved.AccountId, moved.TransferredAt);
                return;
            }
            await OpenInvoices.VoidAllAsync(db, account.AccountId, ct);
        });
}
