using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Referrals;

/// <summary>
/// The public signup form behind a referral link: the account (name, plan, language, time zone), the customer, and the
/// customer's card: a Stripe payment method id (<c>pm_…</c>, made by Stripe.js) when Stripe is configured, the raw card with
/// the sandbox alone. Accounts checks the account's fields and Billing the card; only their presence is checked here.
/// </summary>
public sealed record ReferralSignupRequest(
    string? Name,
    ReferralCustomer? Customer,
    string? Language,
    string? TimeZone,
    PlanRequest? Plan,
    CustomerCardRequest? Card,
    string? PaymentMethod = null) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors
        .RequireText("name", Name, 63)
        .RequireText("customer.name", Customer?.Name, 200)
        .RequireEmail("customer.email", Customer?.Email)
        .When(Plan is null, "plan", "plan is required.")
        .When(Card is null && PaymentMethod is null, "card", "card (sandbox) or payment_method (Stripe) is required: the customer pays for a referred account.")
        .When(Card is not null && PaymentMethod is not null, "card", "Send either card or payment_method, not both.");
}
