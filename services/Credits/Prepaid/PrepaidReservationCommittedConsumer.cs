using MassTransit;

using Reseller.Contracts.Credits;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Prepaid;

public sealed class PrepaidReservationCommittedConsumer(CreditsDb db, PrepaidReservations reservations, ILogger<PrepaidReservationCommittedConsumer> logger)
    : IConsumer<PrepaidReservationCommitted>
{
    public async Task Consume(ConsumeContext<PrepaidReservationCommitted> context)
    {
        var committed = context.Message;
        await db.ConsumeOnceAsync(context, nameof(PrepaidReservationCommittedConsumer), async ct =>
        {
            if (!await reservations.CommitAsync(committed.ReservationId, ct))
            {
                logger.LogWarning("Reservation {ReservationId} for invoice {InvoiceId} was not held when Billing committed it", committed.ReservationId, committed.InvoiceId);
            }
        });
    }
}
