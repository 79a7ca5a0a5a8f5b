using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record PasswordRequest(string? Password)
{
    public void Validate() => PasswordRules.Check(new ValidationErrors(), "password", Password).ThrowIfAny();
}
