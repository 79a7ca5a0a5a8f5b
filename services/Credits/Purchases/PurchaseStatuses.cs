using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Purchases;

/// <summary>A purchase status as the API writes it (pending, failed, completed) and reads it back in ?status=.</summary>
public static class PurchaseStatuses
{
    public static string Name(PurchaseStatus status) => status.ToString().ToLowerInvariant();

    public static PurchaseStatus Parse(string status) => status switch
    {
        "pending" => PurchaseStatus.Pending,
        "failed" => PurchaseStatus.Failed,
        "completed" => PurchaseStatus.Completed,
        _ => throw ValidationErrors.Reject("status", "status must be pending, failed or completed."),
    };
}
