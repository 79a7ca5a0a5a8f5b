using Reseller.Contracts.Accounts;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The shape of what an account is subscribed to; priced by Billing from the catalog.</summary>
public sealed class Plan
{
    public string Product { get; set; } = "";
    public string Tier { get; set; } = "";
    public int? Contacts { get; set; }
    public int? Seats { get; set; }
    public List<PlanAddOn> AddOns { get; set; } = [];
    public string Cadence { get; set; } = "";

    public static Plan From(AccountPlan plan) => new()
    {
        Product = plan.Product,
        Tier = plan.Tier,
        Contacts = plan.Contacts,
        Seats = plan.Seats,
        AddOns = plan.AddOns.Select(a => new PlanAddOn { Code = a.Code, Quantity = a.Quantity }).ToList(),
        Cadence = plan.Cadence,
    };

    public AccountPlan ToContract() =>
        new(Product, Tier, Contacts, Seats, AddOns.Select(a => new AddOnQuantity(a.Code, a.Quantity)).ToList(), Cadence);
}
