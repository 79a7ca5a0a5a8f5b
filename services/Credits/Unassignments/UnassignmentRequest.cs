using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Unassignments;

public sealed record UnassignmentRequest(string? AccountId, long? Quantity) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireAccountId(AccountId).RequireQuantity(Quantity);
}
