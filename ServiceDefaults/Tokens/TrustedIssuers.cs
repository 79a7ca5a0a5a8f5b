using Reseller.ServiceDefaults.Auth;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// Which service may issue which kind of token. A key is trusted only for its own issuer, so a service that can sign its own
/// service tokens still cannot mint a partner user's or an account user's token; a service token names its issuer as subject.
/// </summary>
public static class TrustedIssuers
{
    public const string Partners = "partners";
    public const string Accounts = "accounts";
    public const string Credits = "credits";

    private static readonly Dictionary<string, string[]> KindsByIssuer = new(StringComparer.Ordinal)
    {
        [Partners] = [PlatformClaims.PartnerUserKind, PlatformClaims.ApiKeyKind, PlatformClaims.ServiceKind],
        [Accounts] = [PlatformClaims.AccountUserKind, PlatformClaims.ServiceKind],
        [Credits] = [PlatformClaims.ServiceKind],
    };

    public static IReadOnlyCollection<string> All => KindsByIssuer.Keys;

    public static bool IsTrusted(string? issuer) => issuer is not null && KindsByIssuer.ContainsKey(issuer);

    public static bool MayIssue(string? issuer, string? kind, string? subject) =>
        issuer is not null && kind is not null
        && KindsByIssuer.TryGetValue(issuer, out var kinds) && kinds.Contains(kind, StringComparer.Ordinal)
        && (kind != PlatformClaims.ServiceKind || subject == issuer);
}
