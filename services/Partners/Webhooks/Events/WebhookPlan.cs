using Reseller.Contracts.Accounts;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>The account resource's plan, as GET /api/v1/accounts/{id} shows it.</summary>
public sealed record WebhookPlan(string Product, string Tier, int? Contacts, int? Seats, IReadOnlyList<WebhookAddOn> AddOns, string Cadence)
{
    public static WebhookPlan From(AccountPlan plan) =>
        new(plan.Product, plan.Tier, plan.Contacts, plan.Seats, plan.AddOns.Select(a => new WebhookAddOn(a.Code, a.Quantity)).ToList(), plan.Cadence);
}
