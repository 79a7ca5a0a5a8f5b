using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.ApiKeys;

public sealed record CreateApiKeyRequest(string? Name) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireText("name", Name, 100);
}
