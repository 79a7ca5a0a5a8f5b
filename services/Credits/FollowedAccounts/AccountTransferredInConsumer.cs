using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>A stand-alone account joined a partner: the partner may now assign credit to it.</summary>
public sealed class AccountTransferredInConsumer(CreditsDb db, ProductCatalog catalog) : IConsumer<AccountTransferredIn>
{
    public async Task Consume(ConsumeContext<AccountTransferredIn> context)
    {
        var moved = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountTransferredInConsumer), async ct =>
        {
            var account = await db.FindLockedAsync(moved.AccountId, ct);
            if (account is null)
            {
                var followed = CreditAccount.Follow(moved.AccountId, moved.PartnerId, moved.Plan, catalog, moved.TransferredAt);
                followed.TransferredIn(moved.PartnerId, moved.Plan, catalog, moved.TransferredAt);
                db.Accounts.Add(followed);
            }
            else
            {
                account.TransferredIn(moved.PartnerId, moved.Plan, catalog, moved.TransferredAt);
            }
        });
    }
}
