using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record PasswordResetConfirmation(string? Token, string? NewPassword)
{
    public void Validate() => new ValidationErrors().RequireText("token", Token, RandomSecret.MaxLength).RequirePassword("new_password", NewPassword).ThrowIfAny();
}
