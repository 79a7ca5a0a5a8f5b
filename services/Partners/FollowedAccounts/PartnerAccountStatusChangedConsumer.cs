using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.FollowedAccounts;

public sealed class PartnerAccountStatusChangedConsumer(PartnersDb db) : IConsumer<AccountStatusChanged>
{
    public Task Consume(ConsumeContext<AccountStatusChanged> context) =>
        db.ConsumeOnceAsync(context, nameof(PartnerAccountStatusChangedConsumer), async ct =>
            (await db.FollowAsync(context.Message.AccountId, context.Message.PartnerId, ct)).StatusChanged(context.Message));
}
