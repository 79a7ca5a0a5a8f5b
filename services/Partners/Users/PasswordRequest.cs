using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record PasswordRequest(string? Password)
{
    public void Validate() => new ValidationErrors().RequirePassword("password", Password).ThrowIfAny();
}
