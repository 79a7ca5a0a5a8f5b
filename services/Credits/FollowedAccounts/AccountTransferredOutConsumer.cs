using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>
/// An account left its partner: the credit the partner bought and assigned or earmarked to it, and that it has not used,
/// returns to the partner's pool. The partner paid for it, and cannot see or use the account any more, so leaving it there
/// would lose the partner's money; the stand-alone owner buys its own credit from now on.
/// </summary>
public sealed class AccountTransferredOutConsumer(CreditsDb db, CreditLedger ledger) : IConsumer<AccountTransferredOut>
{
    public async Task Consume(ConsumeContext<AccountTransferredOut> context)
    {
        var moved = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountTransferredOutConsumer), async ct =>
        {
            var account = await db.FindLockedAsync(moved.AccountId, ct);
            account?.TransferredOut(moved.TransferredAt);
            var holdings = await db.Balances.AsNoTracking()
                .Where(b => b.PartnerId == moved.FormerPartnerId && b.HolderId == moved.AccountId && b.Balance > 0)
                .Select(b => b.Kind)
                .ToListAsync(ct);
            var reference = $"transfer_out:{moved.AccountId:N}";
            foreach (var kind in holdings)
            {
                var returned = await ledger.DebitUpToAsync(moved.FormerPartnerId, moved.AccountId, kind, EntryTypes.Return, long.MaxValue, reference, ct);
                if (returned > 0)
                {
                    await ledger.CreditAsync(moved.FormerPartnerId, null, kind, EntryTypes.Return, returned, reference, ct);
                }
            }
        });
    }
}
