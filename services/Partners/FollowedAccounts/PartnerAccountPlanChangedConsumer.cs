using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.FollowedAccounts;

public sealed class PartnerAccountPlanChangedConsumer(PartnersDb db) : IConsumer<AccountPlanChanged>
{
    public Task Consume(ConsumeContext<AccountPlanChanged> context) =>
        db.ConsumeOnceAsync(context, nameof(PartnerAccountPlanChangedConsumer), async ct =>
            (await db.FollowAsync(context.Message.AccountId, context.Message.PartnerId, ct)).PlanChanged(context.Message));
}
