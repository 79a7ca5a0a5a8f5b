namespace Reseller.Accounts.Accounts;

public static class Payer
{
    public const string Partner = "partner";
    public const string Customer = "customer";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Partner, Customer };
}
