using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Assignments;

public sealed record AssignmentRequest(string? AccountId, long? Quantity) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireAccountId(AccountId).RequireQuantity(Quantity);
}
