namespace Reseller.Billing.Payments;

public sealed record RefundResult(bool Succeeded, string? ProviderRefundId, string? FailureCode)
{
    public static RefundResult Success(string refundId) => new(true, refundId, null);
    public static RefundResult Failure(string code) => new(false, null, code);
}
