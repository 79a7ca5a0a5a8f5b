using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>
/// Follows an account's status, so that only an account in service spends credit; an older change arriving late does not
/// overwrite a newer one. A change that arrives before the account's AccountCreated is kept until the plan follows.
/// </summary>
public sealed class AccountStatusChangedConsumer(CreditsDb db) : IConsumer<AccountStatusChanged>
{
    public async Task Consume(ConsumeContext<AccountStatusChanged> context)
    {
        var changed = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountStatusChangedConsumer), async ct =>
        {
            var account = await db.FindLockedAsync(changed.AccountId, ct);
            if (account is null)
            {
                var partnerId = changed.Status == AccountStatuses.Transferred ? (Guid?)null : changed.PartnerId;
                db.Accounts.Add(CreditAccount.FromStatus(changed.AccountId, partnerId, changed.Status, changed.ChangedAt));
                return;
            }
            account.StatusChanged(changed.Status, changed.ChangedAt);
        });
    }
}
