using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

public sealed record PayoutRequest(string? PayoutReference) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireText("payout_reference", PayoutReference, 100);
}
