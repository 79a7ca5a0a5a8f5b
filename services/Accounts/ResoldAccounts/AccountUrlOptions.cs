namespace Reseller.Accounts.ResoldAccounts;

public sealed class AccountUrlOptions
{
    public const string Section = "Accounts";

    /// <summary>Accounts log in at https://{name}.{BaseDomain}.</summary>
    public string BaseDomain { get; set; } = "reseller.app";

    public string LoginUrl(string accountName) => $"https://{accountName}.{BaseDomain}";
}
