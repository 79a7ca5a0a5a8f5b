using System.Text.RegularExpressions;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>
/// The one-time secrets the API puts in URL paths (invitation acceptances, log-in-as redemptions, transfer confirmations)
/// must not reach traces or logs: <see cref="Redact"/> replaces the secret segment of such a path or URL with
/// <c>{token}</c>. Referral codes are public and stay.
/// </summary>
public static partial class LinkTokens
{
    public const string Placeholder = "{token}";

    public static string? Redact(string? pathOrUrl) =>
        pathOrUrl is null || !pathOrUrl.Contains("/api/v1/", StringComparison.OrdinalIgnoreCase) ? pathOrUrl : SecretSegment().Replace(pathOrUrl, Placeholder);

    [GeneratedRegex(@"(?<=/api/v1/(?:invitations|auth/partner-invitations|auth/login-links|transfers)/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretSegment();
}
