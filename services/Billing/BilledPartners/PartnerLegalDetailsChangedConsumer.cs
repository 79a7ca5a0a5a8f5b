using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.BilledPartners;

/// <summary>Keeps the latest legal details of a partner for the invoices issued from now on (issued ones keep their copy).</summary>
public sealed class PartnerLegalDetailsChangedConsumer(BillingDb db, ILogger<PartnerLegalDetailsChangedConsumer> logger) : IConsumer<PartnerLegalDetailsChanged>
{
    public async Task Consume(ConsumeContext<PartnerLegalDetailsChanged> context) =>
        await db.ConsumeOnceAsync(context, nameof(PartnerLegalDetailsChangedConsumer), async ct =>
        {
            var changed = context.Message;
            var partner = await db.BilledPartners.FindAsync([changed.PartnerId], ct);
            if (partner is null)
            {
                db.BilledPartners.Add(BilledPartner.From(changed));
            }
            else if (!partner.Apply(changed))
            {
                logger.LogWarning("Partner {PartnerId}: legal details of {ChangedAt} are older than those applied; ignored", changed.PartnerId, changed.ChangedAt);
            }
        });
}
