using Reseller.Contracts.Credits;

namespace Reseller.Billing.Prepaid;

/// <summary>For a Billing wired without messaging (tests, benchmarks): no prepaid credit, the card pays everything.</summary>
public sealed class NoPrepaidCredit : IPrepaidCredit
{
    public Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken) => Task.FromResult(0L);
}
