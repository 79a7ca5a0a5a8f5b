using Reseller.Contracts.Credits;

namespace Reseller.Billing.Prepaid;

/// <summary>The port to Credits' prepaid ledger: holds credit for a charge and answers how much it holds.</summary>
public interface IPrepaidCredit
{
    Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken);
}
