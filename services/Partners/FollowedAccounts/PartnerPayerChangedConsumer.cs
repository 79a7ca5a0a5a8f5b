using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.FollowedAccounts;

/// <summary>
/// Follows the payer of an account for the partner's paid-account count. The partner's mail about the switch is Billing's
/// (PayerChangedConsumer, inside its inbox), so one switch makes one mail.
/// </summary>
public sealed class PartnerPayerChangedConsumer(PartnersDb db) : IConsumer<PayerChanged>
{
    public async Task Consume(ConsumeContext<PayerChanged> context)
    {
        var changed = context.Message;
        await db.ConsumeOnceAsync(context, nameof(PartnerPayerChangedConsumer), async ct =>
            (await db.FollowAsync(changed.AccountId, changed.PartnerId, ct)).PayerChanged(changed));
    }
}
