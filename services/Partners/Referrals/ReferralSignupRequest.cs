using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Referrals;

/// <summary>
/// The public signup form behind a referral link: the account (name, plan, language, time zone), the customer, and the
/// customer's card. Accounts checks the account's fields and Billing the card; only their presence is checked here.
/// </summary>
public sealed record ReferralSignupRequest(
    string? Name,
    ReferralCustomer? Customer,
    string? Language,
    string? TimeZone,
    PlanRequest? Plan,
    CustomerCardRequest? Card) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors
        .RequireText("name", Name, 63)
        .RequireText("customer.name", Customer?.Name, 200)
        .RequireEmail("customer.email", Customer?.Email)
        .When(Plan is null, "plan", "plan is required.")
        .When(Card is null, "card", "card is required: the customer pays for a referred account.");
}
