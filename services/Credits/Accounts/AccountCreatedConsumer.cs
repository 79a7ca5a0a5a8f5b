using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Accounts;

/// <summary>Credits starts following a new account: its partner and its tier (for SMS assignments).</summary>
public sealed class AccountCreatedConsumer(CreditsDb db, ProductCatalog catalog) : IConsumer<AccountCreated>
{
    public async Task Consume(ConsumeContext<AccountCreated> context)
    {
        var created = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountCreatedConsumer), async ct =>
        {
            if (await db.Accounts.FindAsync([created.AccountId], ct) is null)
            {
                db.Accounts.Add(CreditAccount.Follow(created.AccountId, created.PartnerId, created.Plan, catalog, created.CreatedAt));
            }
        });
    }
}
