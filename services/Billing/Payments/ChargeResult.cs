namespace Reseller.Billing.Payments;

public sealed record ChargeResult(bool Succeeded, string? ProviderChargeId, string? FailureCode)
{
    /// <summary>The failure code of a charge the card's bank wants the payer to authenticate (3-D Secure).</summary>
    public const string AuthenticationRequired = "authentication_required";

    /// <summary>Where the payer authenticates a charge that needs it; the invoice stays open meanwhile.</summary>
    public string? ActionUrl { get; init; }

    public static ChargeResult Success(string chargeId) => new(true, chargeId, null);
    public static ChargeResult Failure(string code) => new(false, null, code);

    public static ChargeResult NeedsAuthentication(string chargeId, string? actionUrl) =>
        new(false, chargeId, AuthenticationRequired) { ActionUrl = actionUrl };
}
