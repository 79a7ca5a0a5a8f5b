using MassTransit;

using Reseller.Contracts.Credits;

namespace Reseller.Credits.Prepaid;

/// <summary>Answers Billing's reservation request; the reservation id makes a redelivered request reserve nothing more.</summary>
public sealed class ReservePrepaidCreditConsumer(PrepaidReservations reservations) : IConsumer<ReservePrepaidCredit>
{
    public async Task Consume(ConsumeContext<ReservePrepaidCredit> context)
    {
        var request = context.Message;
        var amount = await reservations.ReserveAsync(request, context.CancellationToken);
        await context.RespondAsync(new PrepaidCreditReserved(request.ReservationId, amount, request.Currency));
    }
}
