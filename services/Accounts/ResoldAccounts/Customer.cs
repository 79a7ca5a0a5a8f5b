namespace Reseller.Accounts.ResoldAccounts;

public sealed class Customer
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
}
