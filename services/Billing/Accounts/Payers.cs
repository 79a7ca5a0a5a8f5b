namespace Reseller.Billing.Accounts;

public static class Payers
{
    public const string Partner = "partner";
    public const string Customer = "customer";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Partner, Customer };
}
