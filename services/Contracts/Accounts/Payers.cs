namespace Reseller.Contracts.Accounts;

/// <summary>Who pays for an account, as the word travels in events and in the API.</summary>
public static class Payers
{
    public const string Partner = "partner";
    public const string Customer = "customer";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Partner, Customer };
}
