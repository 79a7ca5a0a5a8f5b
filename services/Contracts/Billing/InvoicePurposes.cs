namespace Reseller.Contracts.Billing;

/// <summary>Why an invoice was issued, so each consumer reacts only to the ones it cares about.</summary>
public static class InvoicePurposes
{
    public const string FirstPeriod = "first_period";
    public const string Renewal = "renewal";
    public const string CreditPurchase = "credit_purchase";
}
