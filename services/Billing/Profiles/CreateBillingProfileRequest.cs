namespace Reseller.Billing.Profiles;

public sealed record CreateBillingProfileRequest(CardRequest? Card, string? Name);
