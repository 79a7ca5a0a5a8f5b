namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The validated fields of an account being created.</summary>
public sealed record NewAccount(
    Guid PartnerId,
    string Name,
    string? CustomDomain,
    Customer Customer,
    string NotificationEmail,
    string Language,
    string TimeZone,
    Plan Plan,
    Guid? BillingProfileId,
    string Payer);
