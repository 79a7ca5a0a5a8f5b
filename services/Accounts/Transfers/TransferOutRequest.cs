using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Transfers;

public sealed record TransferOutRequest(string? OwnerEmail) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireEmail("owner_email", OwnerEmail);
}
