using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.FollowedAccounts;

public sealed class PartnerAccountTransferredOutConsumer(PartnersDb db) : IConsumer<AccountTransferredOut>
{
    public Task Consume(ConsumeContext<AccountTransferredOut> context) =>
        db.ConsumeOnceAsync(context, nameof(PartnerAccountTransferredOutConsumer), async ct =>
            (await db.FollowAsync(context.Message.AccountId, context.Message.FormerPartnerId, ct)).TransferredOut(context.Message));
}
