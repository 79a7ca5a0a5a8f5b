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

    public Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(held.GetOrAdd(request.ReservationId, _ => Math.Min(Available, request.Amount)));
    }
}
