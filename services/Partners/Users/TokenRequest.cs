using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record TokenRequest(string? Email, string? Password) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors
        .RequireText("email", Email, FieldRules.MaxEmailLength)
        .RequireText("password", Password, PasswordRules.MaxLength);
}
