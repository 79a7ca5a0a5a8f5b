using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

public sealed record PayoutRequest(string? PayoutReference)
{
    public void Validate() => new ValidationErrors().RequireText("payout_reference", PayoutReference, 100).ThrowIfAny();
}
