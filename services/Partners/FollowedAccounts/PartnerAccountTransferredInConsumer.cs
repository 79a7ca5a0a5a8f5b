using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.FollowedAccounts;

public sealed class PartnerAccountTransferredInConsumer(PartnersDb db) : IConsumer<AccountTransferredIn>
{
    public Task Consume(ConsumeContext<AccountTransferredIn> context) =>
        db.ConsumeOnceAsync(context, nameof(PartnerAccountTransferredInConsumer), async ct =>
            (await db.FollowAsync(context.Message.AccountId, context.Message.PartnerId, ct)).TransferredIn(context.Message));
}
