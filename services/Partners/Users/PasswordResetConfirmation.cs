using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record PasswordResetConfirmation(string? Token, string? NewPassword)
{
    public void Validate() => PasswordRules.Check(new ValidationErrors().RequireText("token", Token, 100), "new_password", NewPassword).ThrowIfAny();
}
