namespace Reseller.Accounts.Lifecycle;

public sealed record PayerRequest(string? Payer, string? BillingProfileId);
