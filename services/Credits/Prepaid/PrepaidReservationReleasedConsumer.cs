using MassTransit;

using Reseller.Contracts.Credits;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Prepaid;

public sealed class PrepaidReservationReleasedConsumer(CreditsDb db, PrepaidReservations reservations) : IConsumer<PrepaidReservationReleased>
{
    public async Task Consume(ConsumeContext<PrepaidReservationReleased> context)
    {
        var released = context.Message;
        await db.ConsumeOnceAsync(context, nameof(PrepaidReservationReleasedConsumer),
            async ct => await reservations.ReleaseAsync(released.ReservationId, released.PartnerId, ct));
    }
}
