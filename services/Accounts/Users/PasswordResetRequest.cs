using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

public sealed record PasswordResetRequest(string? Account, string? Email) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors
        .RequireText("account", Account, 63)
        .RequireEmail("email", Email?.Trim());
}
