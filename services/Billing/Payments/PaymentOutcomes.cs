namespace Reseller.Billing.Payments;

/// <summary>The outcome tag of the <c>reseller.payments</c> counter.</summary>
public static class PaymentOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The provider charged an invoice that no longer needed it; the charge is refunded.</summary>
    public const string Unmatched = "unmatched";
}
