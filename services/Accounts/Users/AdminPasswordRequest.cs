using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

public sealed record AdminPasswordRequest(string? Password) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequirePassword("password", Password);
}
