using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Consumptions;

public sealed record ConsumptionRequest(long? Quantity) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireQuantity(Quantity);
}
