using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

public sealed record PasswordResetConfirmRequest(string? Token, string? NewPassword) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors
        .RequireText("token", Token, RandomSecret.MaxLength)
        .RequirePassword("new_password", NewPassword);
}
