using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>Billing notices for the account go to the partner's new address; an older change delivered late changes nothing.</summary>
public sealed class AccountNotificationEmailChangedConsumer(BillingDb db) : IConsumer<AccountNotificationEmailChanged>
{
    public async Task Consume(ConsumeContext<AccountNotificationEmailChanged> context) =>
        await db.ConsumeOnceAsync(context, nameof(AccountNotificationEmailChangedConsumer), async ct =>
        {
            var account = await db.BilledAccounts.FindAsync([context.Message.AccountId], ct)
                ?? throw new AccountNotKnownYetException(context.Message.AccountId);
            account.NotifyAt(context.Message.NotificationEmail, context.Message.ChangedAt);
        });
}
