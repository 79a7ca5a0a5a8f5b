using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>Follows an account's tier; an older change arriving late does not overwrite a newer one.</summary>
public sealed class AccountPlanChangedConsumer(CreditsDb db, ProductCatalog catalog) : IConsumer<AccountPlanChanged>
{
    public async Task Consume(ConsumeContext<AccountPlanChanged> context)
    {
        var changed = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountPlanChangedConsumer), async ct =>
        {
            var account = await db.FindLockedAsync(changed.AccountId, ct);
            if (account is null)
            {
                var followed = CreditAccount.Follow(changed.AccountId, changed.PartnerId, changed.Current, catalog, changed.ChangedAt);
                followed.Plan(changed.Current, changed.Scheduled, catalog, changed.ChangedAt);
                db.Accounts.Add(followed);
            }
            else
            {
                account.PlanChanged(changed.Current, changed.Scheduled, catalog, changed.ChangedAt);
            }
        });
    }
}
