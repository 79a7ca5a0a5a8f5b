using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Transfers;

/// <summary>Remembers every partner Partners creates, so a move-in can refuse a partner that does not exist.</summary>
public sealed class PartnerCreatedConsumer(AccountsDb db, ILogger<PartnerCreatedConsumer> logger) : IConsumer<PartnerCreated>
{
    public async Task Consume(ConsumeContext<PartnerCreated> context)
    {
        var created = context.Message;
        await db.ConsumeOnceAsync(context, nameof(PartnerCreatedConsumer), async ct =>
        {
            if (!await db.Set<KnownPartner>().AnyAsync(p => p.Id == created.PartnerId, ct))
            {
                db.Add(KnownPartner.Create(created.PartnerId, created.Name, created.CreatedAt));
                logger.LogInformation("Partner {PartnerId} is known to Accounts", created.PartnerId);
            }
        });
    }
}
