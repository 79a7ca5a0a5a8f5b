namespace Reseller.ServiceDefaults.Auth;

public static class PlatformPolicies
{
    /// <summary>A partner user or a partner's API key.</summary>
    public const string Partner = "partner";

    /// <summary>A partner user who may see and spend the partner's money (owner or billing role), or an API key.</summary>
    public const string PartnerBilling = "partner_billing";

    /// <summary>The platform operator, by X-Admin-Key.</summary>
    public const string Operator = "operator";

    /// <summary>A user of one resold account (its admin or an invited customer).</summary>
    public const string AccountUser = "account_user";

    /// <summary>Another service calling an internal endpoint with its own service token (never the operator's key, never a user's token).</summary>
    public static string InternalCaller(string service) => $"service:{service}";
}
