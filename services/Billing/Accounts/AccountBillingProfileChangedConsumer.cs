using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Accounts;

/// <summary>The account's next charges (renewals, dunning retries) go to the newly chosen card.</summary>
public sealed class AccountBillingProfileChangedConsumer(BillingDb db) : IConsumer<AccountBillingProfileChanged>
{
    public async Task Consume(ConsumeContext<AccountBillingProfileChanged> context) =>
        await db.ConsumeOnceAsync(context, nameof(AccountBillingProfileChangedConsumer), async ct =>
        {
            // Events of different types may overtake each other; a change for an account not known yet is retried.
            var account = await db.BilledAccounts.FindAsync([context.Message.AccountId], ct)
                ?? throw new InvalidOperationException($"Account {context.Message.AccountId} is not known to Billing yet.");
            account.ChargeTo(context.Message.BillingProfileId);
        });
}
