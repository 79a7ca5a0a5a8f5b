using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// The account's next charges (renewals, dunning retries) go to the newly chosen card: the customer's own card on a
/// customer-paid account (the remembered partner card stays), the partner's on a partner-paid one. A card that does not
/// belong to the payer is refused and never charged; one of the other payer's cards waits (retried) for the PayerChanged
/// it overtook, and a card change older than the latest payer change or the latest card chosen is stale.
/// </summary>
public sealed class AccountBillingProfileChangedConsumer(BillingDb db, ILogger<AccountBillingProfileChangedConsumer> logger) : IConsumer<AccountBillingProfileChanged>
{
    public async Task Consume(ConsumeContext<AccountBillingProfileChanged> context) =>
        await db.ConsumeOnceAsync(context, nameof(AccountBillingProfileChangedConsumer), async ct =>
        {
            var change = context.Message;
            // Events of different types may overtake each other; a change for an account not known yet is retried.
            var account = await db.BilledAccounts.FindAsync([change.AccountId], ct)
                ?? throw new AccountNotKnownYetException(change.AccountId);
            if (account.IsBeforePayerChange(change.ChangedAt))
            {
                logger.LogWarning("Account {AccountId}: card change of {ChangedAt} predates its latest payer change; ignored", account.AccountId, change.ChangedAt);
                return;
            }
            if (account.IsBeforeCardChoice(change.ChangedAt))
            {
                logger.LogWarning("Account {AccountId}: card change of {ChangedAt} predates the card chosen at {ChosenAt}; ignored",
                    account.AccountId, change.ChangedAt, account.CardChosenAt);
                return;
            }
            if (!await PayerCards.BelongToPayerAsync(db, account, account.Payer, change.BillingProfileId, ct))
            {
                if (await PayerCards.BelongToPayerAsync(db, account, PayerCards.OtherPayer(account), change.BillingProfileId, ct))
                {
                    // The other payer's card, newer than the payer change applied: that PayerChanged is still on its way.
                    throw new EarlierEventPendingException($"Account {account.AccountId}: the payer change before this card change has not arrived yet.");
                }
                logger.LogWarning("Account {AccountId}: billing profile {BillingProfileId} does not belong to its {Payer} payer; refused",
                    account.AccountId, change.BillingProfileId, account.Payer);
                return;
            }
            account.ChooseCard(change.BillingProfileId, change.ChangedAt);
        });
}
