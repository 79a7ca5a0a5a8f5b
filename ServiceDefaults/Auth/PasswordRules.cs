using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>What a chosen password must be, for every kind of user (partner users and account users alike).</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 1024;

    public static ValidationErrors RequirePassword(this ValidationErrors errors, string field, string? value) =>
        errors.RequireText(field, value, MaxLength)
            .When(value is { Length: > 0 and < MinLength }, field, $"{field} must be at least {MinLength} characters.");
}
