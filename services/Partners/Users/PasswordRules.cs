using Reseller.Partners.Partners;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public static class PasswordRules
{
    public static ValidationErrors Check(ValidationErrors errors, string field, string? password) => errors
        .RequireText(field, password, 1024)
        .When(password is { Length: > 0 } && password.Length < CreatePartnerRequest.MinPasswordLength, field,
            $"{field} must be at least {CreatePartnerRequest.MinPasswordLength} characters.");
}
