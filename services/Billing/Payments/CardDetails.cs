namespace Reseller.Billing.Payments;

/// <summary>Raw card data on its way to the provider. Never stored, logged, traced or sent in a message.</summary>
public sealed record CardDetails(string Number, int ExpMonth, int ExpYear, string Cvc)
{
    public override string ToString() => "CardDetails { redacted }";
}
