using System.Collections.Concurrent;

using Reseller.Billing.Prepaid;
using Reseller.Contracts.Credits;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Stands in for Credits: holds up to <see cref="Available"/> for each reservation, the same answer for a repeated id.</summary>
public sealed class FixedPrepaidCredit : IPrepaidCredit
{
    private readonly ConcurrentDictionary<Guid, long> held = new();

    public long Available { get; set; }
    public ConcurrentQueue<ReservePrepaidCredit> Requests { get; } = new();

    /// <summary>Credits does not answer: each request times out, as MassTransit's request client reports it.</summary>
    public bool Unanswered { get; set; }

    /// <summary>Credits' sweeper released the reservation (held past 15 minutes): asked again, it answers 0, as Credits does.</summary>
    public void Expire(Guid reservationId) => held[reservationId] = 0;

    public Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Unanswered)
        {
            throw new MassTransit.RequestTimeoutException(request.ReservationId.ToString());
        }
        return Task.FromResult(held.GetOrAdd(request.ReservationId, _ => Math.Min(Available, request.Amount)));
    }
}
