using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// A stand-alone account joined a partner (its owner confirmed): it is billed to the new partner from its next invoice.
/// A move-in older than a transfer already applied changes nothing.
/// </summary>
public sealed class AccountTransferredInConsumer(BillingDb db, ILogger<AccountTransferredInConsumer> logger) : IConsumer<AccountTransferredIn>
{
    public async Task Consume(ConsumeContext<AccountTransferredIn> context) =>
        await db.ConsumeOnceAsync(context, nameof(AccountTransferredInConsumer), async ct =>
        {
            var moved = context.Message;
            var account = await db.BilledAccounts.FindAsync([moved.AccountId], ct)
                ?? throw new AccountNotKnownYetException(moved.AccountId);
            if (!Payers.All.Contains(moved.Payer))
            {
                throw new InvalidOperationException($"Unknown payer {moved.Payer}.");
            }
            if (!account.TransferredIn(moved.PartnerId, moved.Name, moved.Plan, moved.Payer, moved.TransferredAt))
            {
                logger.LogWarning("Account {AccountId}: move-in of {TransferredAt} is older than its latest transfer; ignored", moved.AccountId, moved.TransferredAt);
                return;
            }
            logger.LogInformation("Account {AccountId} is billed to partner {PartnerId} from its next invoice", moved.AccountId, moved.PartnerId);
        });
}
