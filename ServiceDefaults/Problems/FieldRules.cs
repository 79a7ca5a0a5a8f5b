using System.Net.Mail;

namespace Reseller.ServiceDefaults.Problems;

/// <summary>Field checks shared by every service's request validators.</summary>
public static class FieldRules
{
    public const int MaxEmailLength = 254;

    public static ValidationErrors RequireText(this ValidationErrors errors, string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? errors.Add(field, $"{field} is required.")
        : errors.When(value.Length > maxLength, field, $"{field} must be at most {maxLength} characters.").RefuseNul(field, value);

    public static ValidationErrors RequireEmail(this ValidationErrors errors, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? errors.Add(field, $"{field} is required.")
        : errors.When(!IsEmail(value) || value.Contains('\0', StringComparison.Ordinal), field, $"{field} must be a valid e-mail address.");

    /// <summary>PostgreSQL stores no U+0000 in text: refused as the field's error rather than failing in the database.</summary>
    public static ValidationErrors RefuseNul(this ValidationErrors errors, string field, string? value) =>
        errors.When(value?.Contains('\0', StringComparison.Ordinal) == true, field, $"{field} must not contain the character U+0000.");

    public static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    public static string NormalizeEmail(string value) => value.Trim().ToLowerInvariant();
}
