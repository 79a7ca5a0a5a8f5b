using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.BilledPartners;

/// <summary>A new partner: its name and country bill it until it gives its legal details.</summary>
public sealed class PartnerCreatedConsumer(BillingDb db) : IConsumer<PartnerCreated>
{
    public async Task Consume(ConsumeContext<PartnerCreated> context) =>
        await db.ConsumeOnceAsync(context, nameof(PartnerCreatedConsumer), async ct =>
        {
            if (await db.BilledPartners.FindAsync([context.Message.PartnerId], ct) is null)
            {
                db.BilledPartners.Add(BilledPartner.From(context.Message));
            }
        });
}
