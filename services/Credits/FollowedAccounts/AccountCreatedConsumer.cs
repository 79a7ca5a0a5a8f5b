using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>Credits starts following a new account: its partner, its plan (for SMS) and its first status.</summary>
public sealed class AccountCreatedConsumer(CreditsDb db, ProductCatalog catalog) : IConsumer<AccountCreated>
{
    public async Task Consume(ConsumeContext<AccountCreated> context)
    {
        var created = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountCreatedConsumer), async ct =>
        {
            var account = await db.FindLockedAsync(created.AccountId, ct);
            if (account is null)
            {
                db.Accounts.Add(CreditAccount.Follow(created.AccountId, created.PartnerId, created.Plan, catalog, created.CreatedAt, created.Status));
                return;
            }
            // A status change arrived first and left a row without a plan; anything newer it holds stands.
            if (!account.PlanKnown)
            {
                account.Plan(created.Plan, null, catalog, created.CreatedAt);
            }
            account.StatusChanged(created.Status, created.CreatedAt);
        });
    }
}
