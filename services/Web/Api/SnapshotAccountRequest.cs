namespace Reseller.Web.Api;

public sealed record SnapshotAccountRequest(
    string Name,
    AccountCustomer Customer,
    string NotificationEmail,
    string? BillingProfileId,
    string FromSnapshotId);
