namespace Reseller.Billing.Payments;

public sealed record ChargeResult(bool Succeeded, string? ProviderChargeId, string? FailureCode)
{
    public static ChargeResult Success(string chargeId) => new(true, chargeId, null);
    public static ChargeResult Failure(string code) => new(false, null, code);
}
