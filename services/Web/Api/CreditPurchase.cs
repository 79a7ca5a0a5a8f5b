namespace Reseller.Web.Api;

/// <summary>A pack ordered: pending until its invoice is charged, then completed (credited) or failed (failure_code says why).</summary>
public sealed record CreditPurchase(
    string Id,
    string Kind,
    long Pack,
    string? AccountId,
    string Status,
    string? InvoiceId,
    string? FailureCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? CompletedAt)
{
    public bool Pending => Status == "pending";
}
