using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.FollowedAccounts;

/// <summary>Follows a new account, and ties it to the referral signup that asked for it, if any.</summary>
public sealed class PartnerAccountCreatedConsumer(PartnersDb db) : IConsumer<AccountCreated>
{
    public Task Consume(ConsumeContext<AccountCreated> context) =>
        db.ConsumeOnceAsync(context, nameof(PartnerAccountCreatedConsumer), async ct =>
        {
            var created = context.Message;
            (await db.FollowAsync(created.AccountId, created.PartnerId, ct)).Created(created);
            if (await db.ReferralSignups.AnyAsync(s => s.AccountId == created.AccountId, ct))
            {
                return;
            }
            var signup = await db.ReferralSignups
                .Where(s => s.PartnerId == created.PartnerId && s.AccountName == created.Name && s.AccountId == null)
                .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
            signup?.Opened(created.AccountId, created.CreatedAt);
        });
}
