using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public sealed record PasswordResetRequest(string? Email) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequireText("email", Email, FieldRules.MaxEmailLength);
}
