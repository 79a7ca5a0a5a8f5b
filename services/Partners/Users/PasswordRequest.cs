using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record PasswordRequest(string? Password) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequirePassword("password", Password);
}
