using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Accounts;

public sealed class PartnerAccountCreatedConsumer(PartnersDb db) : IConsumer<AccountCreated>
{
    public Task Consume(ConsumeContext<AccountCreated> context) =>
        db.ConsumeOnceAsync(context, nameof(PartnerAccountCreatedConsumer), async ct =>
            (await db.FollowAsync(context.Message.AccountId, context.Message.PartnerId, ct)).Created(context.Message));
}
