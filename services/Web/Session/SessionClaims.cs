namespace Reseller.Web.Session;

/// <summary>What the encrypted session cookie holds: the API's token of the signed-in user and what the pages show of it.</summary>
public static class SessionClaims
{
    public const string AccessToken = "access_token";
    public const string Kind = "kind";
    public const string Role = "role";
    public const string Email = "email";
    public const string AccountId = "account_id";
    public const string PartnerKind = "partner_user";
    public const string AccountKind = "account_user";
    public const string OperatorKind = "operator";
}
