namespace Reseller.Contracts.Accounts;

/// <summary>A partner created a resold account; a paid one waits for its first charge.</summary>
public sealed record AccountCreated(
    Guid AccountId,
    Guid PartnerId,
    string Name,
    AccountPlan Plan,
    string Payer,
    Guid? BillingProfileId,
    string Status,
    DateTimeOffset CreatedAt,
    string NotificationEmail);
