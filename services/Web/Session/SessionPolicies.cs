namespace Reseller.Web.Session;

public static class SessionPolicies
{
    public const string Partner = "partner";
    public const string Customer = "customer";
    public const string Operator = "operator";
}
