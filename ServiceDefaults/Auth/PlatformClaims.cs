namespace Reseller.ServiceDefaults.Auth;

/// <summary>The claims of the platform's one token format.</summary>
public static class PlatformClaims
{
    public const string Audience = "reseller-api";

    public const string Subject = "sub";
    public const string PartnerId = "partner_id";
    public const string AccountId = "account_id";
    public const string Role = "role";
    public const string Kind = "kind";

    /// <summary>On an account token issued through a partner's "log in as" link: who opened it. Such a token never handles money.</summary>
    public const string LoginAs = "login_as";

    /// <summary>The user's session version when the token was issued; a later version ends the token (see EndedSessions).</summary>
    public const string SessionVersion = "sv";

    public const string PartnerUserKind = "partner_user";
    public const string ApiKeyKind = "api_key";
    public const string AccountUserKind = "account_user";
    public const string OperatorKind = "operator";

    /// <summary>A service calling another's internal endpoint; subject and issuer are the calling service.</summary>
    public const string ServiceKind = "service";
}
