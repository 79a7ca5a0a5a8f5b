using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.ApiKeys;

public sealed record CreateApiKeyRequest(string? Name)
{
    public void Validate() => new ValidationErrors().RequireText("name", Name, 100).ThrowIfAny();
}
