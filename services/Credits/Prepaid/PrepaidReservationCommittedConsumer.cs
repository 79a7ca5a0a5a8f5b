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
            var spent = await reservations.CommitAsync(committed.ReservationId, committed.Amount, ct);
            if (spent != committed.Amount)
            {
                logger.LogWarning("Reservation {ReservationId} for invoice {InvoiceId}: Billing used {Used} but {Spent} could be spent",
                    committed.ReservationId, committed.InvoiceId, committed.Amount, spent);
            }
        });
    }
}
