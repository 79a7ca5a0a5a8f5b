using System.Text.RegularExpressions;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The syntax rules of docs/business-rules.md "Resold accounts".</summary>
public static partial class AccountFieldRules
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "fr", "de", "it", "es", "pt", "nl", "zh" };

    public static bool IsAccountName(string value) => AccountName().IsMatch(value);

    public static bool IsHostName(string value) =>
        value.Length <= 253 && value.Contains('.', StringComparison.Ordinal) && value.Split('.').All(label => HostLabel().IsMatch(label));

    public static bool IsTimeZone(string value) => TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex AccountName();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();
}
