using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Lifecycle;

public static class PlanSeats
{
    /// <summary>A copy of the plan with <paramref name="delta"/> more seats (or add-on units when <paramref name="addOn"/> is given).</summary>
    public static Plan WithSeats(this Plan plan, string? addOn, int delta)
    {
        var copy = Plan.From(plan.ToContract());
        if (addOn is null)
        {
            copy.Seats = (copy.Seats ?? 0) + delta;
            return copy;
        }
        var existing = copy.AddOns.FirstOrDefault(a => a.Code == addOn);
        if (existing is null)
        {
            copy.AddOns.Add(new PlanAddOn { Code = addOn, Quantity = delta });
        }
        else
        {
            existing.Quantity += delta;
        }
        return copy;
    }
}
