using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

/// <summary>An account user's login: the account's name, <c>admin</c> or the customer's e-mail, and the password.</summary>
public sealed record AccountTokenRequest(string? Account, string? Username, string? Password) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors
        .RequireText("account", Account, 63)
        .RequireText("username", Username, FieldRules.MaxEmailLength)
        .RequireText("password", Password, PasswordRules.MaxLength);
}
