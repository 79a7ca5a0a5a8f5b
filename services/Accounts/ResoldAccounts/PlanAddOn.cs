namespace Reseller.Accounts.ResoldAccounts;

public sealed class PlanAddOn
{
    public string Code { get; set; } = "";
    public int Quantity { get; set; }
}
