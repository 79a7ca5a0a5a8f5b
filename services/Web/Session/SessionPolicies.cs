namespace Reseller.Web.Session;

public static class SessionPolicies
{
    public const string Partner = "partner";
    public const string Customer = "customer";
    public const string Operator = "operator";

    /// <summary>A partner user who sees and spends the partner's money: owner or billing, as the API's own rule.</summary>
    public const string PartnerMoney = "partner_money";

    /// <summary>A partner owner: manages the team and the API keys.</summary>
    public const string PartnerOwner = "partner_owner";
}
